package sluice.engine.source.file.partition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.regex.Pattern;
import sluice.engine.expr.analyze.DateTimeText;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Bytes;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;

/**
 * The text of a partition value in a folder name as a typed value, as Spark's {@code PartitioningUtils} reads it:
 * {@link #infer} guesses the type of one value (INT, BIGINT, DECIMAL(p,0), DOUBLE, TIMESTAMP, DATE, else STRING, and
 * VOID for {@link PathEscaping#DEFAULT_PARTITION_NAME}), {@link #wider} settles two folders' guesses, and
 * {@link #value} reads the text as a column of a given type. Stateless.
 */
public final class PartitionValueText {
    /** Spark's {@code timestampPartitionPattern} yyyy-MM-dd HH:mm:ss[.S]: at most one digit of fraction. */
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d)?");
    /** Spark's default date pattern yyyy-MM-dd. */
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private PartitionValueText() {
    }

    /**
     * The type Spark infers for the folder text {@code raw} (escaped, as in the folder name); with
     * {@code typeInference} off (Spark's spark.sql.sources.partitionColumnTypeInference.enabled) every value is a
     * STRING. Java's own number parsers decide, as in Spark, so {@code +5} is an INT and {@code 1e3} a DOUBLE.
     */
    public static DataType infer(String raw, boolean typeInference, ZoneId zone) {
        if (typeInference) {
            if (parses(() -> Integer.parseInt(raw))) {
                return AtomicType.INT;
            }
            if (parses(() -> Long.parseLong(raw))) {
                return AtomicType.BIGINT;
            }
            DecimalType decimal = wholeDecimal(raw);
            if (decimal != null) {
                return decimal;
            }
            if (parses(() -> Double.parseDouble(raw))) {
                return AtomicType.DOUBLE;
            }
            String unescaped = PathEscaping.unescape(raw);
            if (TIMESTAMP.matcher(unescaped).matches() && DateTimeText.parseTimestamp(unescaped, zone) != null) {
                return AtomicType.TIMESTAMP;
            }
            if (DATE.matcher(raw).matches() && DateTimeText.parseDate(raw) != null) {
                return AtomicType.DATE;
            }
        }
        return raw.equals(PathEscaping.DEFAULT_PARTITION_NAME) ? AtomicType.NULL : AtomicType.STRING;
    }

    /** A whole number too long for BIGINT, as Spark's DECIMAL of its digits (at most 38), or null. */
    private static DecimalType wholeDecimal(String raw) {
        try {
            BigDecimal value = new BigDecimal(raw);
            // Spark refuses a negative scale (1e3) and a fraction here; they are doubles.
            if (value.scale() != 0 || value.precision() > DecimalType.MAX_PRECISION) {
                return null;
            }
            return new DecimalType(value.precision(), 0);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The type two folders' values of one column share, as Spark widens them for partition columns: VOID gives way
     * to anything, INT to BIGINT, DECIMAL and DOUBLE, whole numbers to a DECIMAL wide enough for both, DATE to
     * TIMESTAMP; DOUBLE with BIGINT or DECIMAL, and any other mix, is STRING (no precision is lost).
     */
    public static DataType wider(DataType a, DataType b) {
        if (a.equals(b)) {
            return a;
        } else if (a == AtomicType.NULL) {
            return b;
        } else if (b == AtomicType.NULL) {
            return a;
        } else if (isPair(a, b, AtomicType.INT, AtomicType.BIGINT)) {
            return AtomicType.BIGINT;
        } else if (isPair(a, b, AtomicType.INT, AtomicType.DOUBLE)) {
            return AtomicType.DOUBLE;
        } else if (isPair(a, b, AtomicType.DATE, AtomicType.TIMESTAMP)) {
            return AtomicType.TIMESTAMP;
        }
        DecimalType left = asDecimal(a);
        DecimalType right = asDecimal(b);
        if (left != null && right != null) {
            int scale = Math.max(left.scale(), right.scale());
            int range = Math.max(left.precision() - left.scale(), right.precision() - right.scale());
            int precision = Math.min(range + scale, DecimalType.MAX_PRECISION);
            return new DecimalType(precision, Math.min(scale, precision));
        }
        return AtomicType.STRING;
    }

    private static boolean isPair(DataType a, DataType b, DataType x, DataType y) {
        return a == x && b == y || a == y && b == x;
    }

    /** INT and BIGINT as the decimals that hold them, as Spark's DecimalType.forType; null for other types. */
    private static DecimalType asDecimal(DataType type) {
        if (type instanceof DecimalType decimal) {
            return decimal;
        } else if (type == AtomicType.INT) {
            return new DecimalType(10, 0);
        } else if (type == AtomicType.BIGINT) {
            return new DecimalType(20, 0);
        }
        return null;
    }

    /** Whether Spark can read a partition column of this type from folder names. */
    public static boolean supports(DataType type) {
        return type instanceof DecimalType || type instanceof AtomicType atomic && switch (atomic) {
            case NULL, BOOLEAN, TINYINT, SMALLINT, INT, BIGINT, FLOAT, DOUBLE, STRING, BINARY, DATE, TIMESTAMP,
                 TIMESTAMP_NTZ -> true;
            default -> false;
        };
    }

    /**
     * The stored value of the folder text {@code raw} in a column of {@code type} (a Long for long-stored types, a
     * Double, a Boolean, else the object), as Spark's {@code castPartValueToDesiredType}: null for
     * {@link PathEscaping#DEFAULT_PARTITION_NAME}; strings unescaped; IllegalArgumentException when the text is not
     * such a value.
     */
    public static Object value(String raw, DataType type, ZoneId zone) {
        if (raw.equals(PathEscaping.DEFAULT_PARTITION_NAME) || type == AtomicType.NULL) {
            return null;
        }
        try {
            if (type instanceof DecimalType decimal) {
                BigDecimal value = new BigDecimal(raw).setScale(decimal.scale(), RoundingMode.HALF_UP);
                if (value.precision() > decimal.precision()) {
                    throw new IllegalArgumentException("too many digits");
                }
                return value;
            }
            return switch ((AtomicType) type) {
                case STRING -> PathEscaping.unescape(raw);
                // Spark narrows an INT's bits to TINYINT and SMALLINT, as a Java cast does.
                case TINYINT -> (long) (byte) Integer.parseInt(raw);
                case SMALLINT -> (long) (short) Integer.parseInt(raw);
                case INT -> (long) Integer.parseInt(raw);
                case BIGINT -> Long.parseLong(raw);
                case FLOAT -> (double) (float) Double.parseDouble(raw);
                case DOUBLE -> Double.parseDouble(raw);
                case BOOLEAN -> bool(raw);
                case BINARY -> Bytes.utf8(raw);
                case DATE -> required(DateTimeText.parseDate(raw));
                case TIMESTAMP -> timestamp(raw, false, zone);
                case TIMESTAMP_NTZ -> timestamp(raw, true, zone);
                default -> throw new IllegalArgumentException("unsupported type");
            };
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static Boolean bool(String raw) {
        if (raw.equalsIgnoreCase("true")) {
            return true;
        } else if (raw.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("not a boolean");
    }

    /** A timestamp's text, or else a date's, which is its midnight (Spark casts the date when the first fails). */
    private static Long timestamp(String raw, boolean local, ZoneId zone) {
        String unescaped = PathEscaping.unescape(raw);
        Long micros = local ? DateTimeText.parseLocalTimestamp(unescaped)
                : DateTimeText.parseTimestamp(unescaped, zone);
        if (micros != null) {
            return micros;
        }
        Long days = required(DateTimeText.parseDate(raw));
        java.time.LocalDate date = java.time.LocalDate.ofEpochDay(days);
        if (local) {
            return sluice.engine.types.LocalTimestamps.micros(date.atStartOfDay());
        }
        return date.atStartOfDay(zone).toEpochSecond() * 1_000_000L;
    }

    private static Long required(Long value) {
        if (value == null) {
            throw new IllegalArgumentException("not a date");
        }
        return value;
    }
}
