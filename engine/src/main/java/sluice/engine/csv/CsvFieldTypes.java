package sluice.engine.csv;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.function.Predicate;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;

/**
 * Spark 4's CSV type inference for one value at a time ({@code CSVInferSchema.inferField}): a value moves its column
 * up the ladder INT, BIGINT, DECIMAL(p,0), DOUBLE, DATE, TIMESTAMP, BOOLEAN, STRING, and {@link #merge} joins the
 * types of two records. Whether a text is a date or a timestamp is the caller's to say (its readers of the
 * {@code dateFormat} and {@code timestampFormat} options), so the file source and the expressions each bring theirs.
 * Immutable when the readers are.
 */
public record CsvFieldTypes(String nullValue, String nanValue, String positiveInf, String negativeInf,
                            Predicate<String> isDate, Predicate<String> isTimestamp) {
    public CsvFieldTypes {
        requireNonNull(nullValue, "nullValue is null");
        requireNonNull(isDate, "isDate is null");
        requireNonNull(isTimestamp, "isTimestamp is null");
    }

    /** The type of a column that was {@code soFar} and has the value {@code field} too. */
    public DataType inferField(DataType soFar, String field) {
        if (field == null || field.isEmpty() || field.equals(nullValue)) {
            return soFar;
        }
        if (soFar == AtomicType.NULL || soFar == AtomicType.INT) {
            return tryInt(field);
        } else if (soFar == AtomicType.BIGINT) {
            return tryLong(field);
        } else if (soFar instanceof DecimalType) {
            return tryDecimal(field);
        } else if (soFar == AtomicType.DOUBLE) {
            return tryDouble(field);
        } else if (soFar == AtomicType.DATE) {
            return tryDate(field);
        } else if (soFar == AtomicType.TIMESTAMP) {
            return tryTimestamp(field);
        } else if (soFar == AtomicType.BOOLEAN) {
            return tryBoolean(field);
        }
        return AtomicType.STRING;
    }

    private DataType tryInt(String field) {
        try {
            Integer.parseInt(field);
            return AtomicType.INT;
        } catch (NumberFormatException e) {
            return tryLong(field);
        }
    }

    private DataType tryLong(String field) {
        try {
            Long.parseLong(field);
            return AtomicType.BIGINT;
        } catch (NumberFormatException e) {
            return tryDecimal(field);
        }
    }

    /** Only whole numbers too big for BIGINT become decimals; a fraction goes on to DOUBLE, as in Spark. */
    private DataType tryDecimal(String field) {
        try {
            BigDecimal value = new BigDecimal(field.replace(",", ""));
            if (value.scale() == 0 && value.precision() <= DecimalType.MAX_PRECISION) {
                return new DecimalType(value.precision(), 0);
            }
        } catch (NumberFormatException e) {
            // not a decimal: fall through to the next rung
        }
        return tryDouble(field);
    }

    private DataType tryDouble(String field) {
        if (field.equals(nanValue) || field.equals(positiveInf) || field.equals(negativeInf)) {
            return AtomicType.DOUBLE;
        }
        try {
            Double.parseDouble(field);
            return AtomicType.DOUBLE;
        } catch (NumberFormatException e) {
            return tryDate(field);
        }
    }

    private DataType tryDate(String field) {
        return isDate.test(field) ? AtomicType.DATE : tryTimestamp(field);
    }

    private DataType tryTimestamp(String field) {
        return isTimestamp.test(field) ? AtomicType.TIMESTAMP : tryBoolean(field);
    }

    private static DataType tryBoolean(String field) {
        return field.equalsIgnoreCase("true") || field.equalsIgnoreCase("false") ? AtomicType.BOOLEAN
                : AtomicType.STRING;
    }

    /** Spark's CSV type merge: numbers widen, DATE and TIMESTAMP meet at TIMESTAMP, anything else is STRING. */
    public static DataType merge(DataType a, DataType b) {
        if (a.equals(b) || b == AtomicType.NULL) {
            return a;
        } else if (a == AtomicType.NULL) {
            return b;
        } else if (isNumber(a) && isNumber(b)) {
            if (a == AtomicType.DOUBLE || b == AtomicType.DOUBLE) {
                return AtomicType.DOUBLE;
            } else if (a instanceof DecimalType || b instanceof DecimalType) {
                return new DecimalType(Math.min(DecimalType.MAX_PRECISION, Math.max(digits(a), digits(b))), 0);
            }
            return AtomicType.BIGINT;
        } else if ((a == AtomicType.DATE || a == AtomicType.TIMESTAMP) && (b == AtomicType.DATE
                || b == AtomicType.TIMESTAMP)) {
            return AtomicType.TIMESTAMP;
        }
        return AtomicType.STRING;
    }

    private static boolean isNumber(DataType type) {
        return type == AtomicType.INT || type == AtomicType.BIGINT || type == AtomicType.DOUBLE
                || type instanceof DecimalType;
    }

    private static int digits(DataType type) {
        if (type instanceof DecimalType decimal) {
            return decimal.precision();
        }
        return type == AtomicType.INT ? 10 : 20;
    }
}
