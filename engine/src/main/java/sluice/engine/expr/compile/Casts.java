package sluice.engine.expr.compile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import sluice.engine.expr.analyze.DateTimeText;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Bytes;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;
import sluice.engine.types.IntegralRange;
import sluice.engine.types.Row;
import sluice.engine.types.StructType;
import sluice.engine.types.ValueText;

/** One value of Spark's ANSI CAST, in stored form; malformed or overflowing input is a RowFailure. Stateless. */
final class Casts {
    // Spark 4 ANSI rejects a fractional part: CAST('1.5' AS INT) is CAST_INVALID_INPUT, not 1.
    private static final Pattern INTEGRAL = Pattern.compile("[+-]?\\d+");
    private static final Pattern FRACTIONAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?[dDfF]?");
    private static final BigDecimal MICROS = BigDecimal.valueOf(1_000_000L);

    private Casts() {
    }

    static Object cast(Object value, DataType from, DataType to, ZoneId zone) {
        if (value == null || from.equals(to)) {
            return value;
        }
        if (to == AtomicType.STRING) {
            return ValueText.of(from, Values.toExternal(from, value), zone);
        }
        if (from == AtomicType.STRING) {
            return fromString((String) value, to, zone);
        }
        if (to instanceof ArrayType target && from instanceof ArrayType source) {
            List<Object> out = new ArrayList<>();
            for (Object element : (List<?>) value) {
                Object stored = Values.toStored(source.elementType(), element);
                out.add(Values.toExternal(target.elementType(),
                        cast(stored, source.elementType(), target.elementType(), zone)));
            }
            return java.util.Collections.unmodifiableList(out);
        }
        if (to instanceof StructType target && from instanceof StructType source) {
            Row row = (Row) value;
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                DataType f = source.fields().get(i).type();
                DataType t = target.fields().get(i).type();
                out.add(Values.toExternal(t, cast(Values.toStored(f, row.get(i)), f, t, zone)));
            }
            return new Row(out);
        }
        return fromAtomic(value, from, to, zone);
    }

    private static Object fromAtomic(Object value, DataType from, DataType to, ZoneId zone) {
        if (from == AtomicType.DATE && to == AtomicType.TIMESTAMP) {
            return LocalDate.ofEpochDay((Long) value).atStartOfDay(zone).toEpochSecond() * 1_000_000L;
        }
        if (from == AtomicType.TIMESTAMP && to == AtomicType.DATE) {
            return ((java.time.Instant) Values.toExternal(from, value)).atZone(zone).toLocalDate().toEpochDay();
        }
        if (from == AtomicType.TIMESTAMP) {
            long micros = (Long) value;
            if (to == AtomicType.DOUBLE || to == AtomicType.FLOAT) {
                return micros / 1_000_000.0;
            }
            return fromDecimal(BigDecimal.valueOf(Math.floorDiv(micros, 1_000_000L)), from, to, value);
        }
        if (to == AtomicType.TIMESTAMP) {
            BigDecimal seconds = exact(value, from);
            return seconds.multiply(MICROS).setScale(0, RoundingMode.DOWN).longValue();
        }
        if (from == AtomicType.BOOLEAN) {
            return fromDecimal((Boolean) value ? BigDecimal.ONE : BigDecimal.ZERO, from, to, value);
        }
        if (to == AtomicType.BOOLEAN) {
            return exact(value, from).signum() != 0;
        }
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            if (to == AtomicType.DOUBLE || to == AtomicType.FLOAT) {
                return d;
            }
            throw RowFailure.castOverflow(literalText(value, from), from.sql(), to.sql());
        }
        return fromDecimal(exact(value, from), from, to, value);
    }

    private static BigDecimal exact(Object value, DataType from) {
        if (value instanceof Long l) {
            return BigDecimal.valueOf(l);
        } else if (value instanceof Double d) {
            return from == AtomicType.FLOAT ? new BigDecimal(Float.toString(d.floatValue()))
                    : BigDecimal.valueOf(d);
        }
        return (BigDecimal) value;
    }

    private static Object fromDecimal(BigDecimal number, DataType from, DataType to, Object original) {
        if (to == AtomicType.DOUBLE) {
            return number.doubleValue();
        } else if (to == AtomicType.FLOAT) {
            return (double) number.floatValue();
        } else if (to instanceof DecimalType decimal) {
            return ArithmeticEvaluator.fit(number, decimal);
        }
        BigDecimal truncated = number.setScale(0, RoundingMode.DOWN);
        if (!IntegralRange.of(to).contains(truncated)) {
            throw RowFailure.castOverflow(literalText(original, from), from.sql(), to.sql());
        }
        return truncated.longValue();
    }

    /** How Spark's messages print a value of a type: 3000000000L, 200S, 1.0E10D, 1.5BD, 'abc'. */
    static String literalText(Object value, DataType type) {
        if (type == AtomicType.BIGINT) {
            return value + "L";
        } else if (type == AtomicType.SMALLINT) {
            return value + "S";
        } else if (type == AtomicType.TINYINT) {
            return value + "Y";
        } else if (type == AtomicType.DOUBLE) {
            return value + "D";
        } else if (type instanceof DecimalType) {
            return ((BigDecimal) value).toPlainString() + "BD";
        }
        return String.valueOf(Values.toExternal(type, value));
    }

    private static Object fromString(String text, DataType to, ZoneId zone) {
        if (to == AtomicType.BINARY) {
            return Bytes.utf8(text);
        }
        String trimmed = text.strip();
        Object result = null;
        if (to.isIntegral()) {
            // A number out of the type's range is malformed input for Spark, not an overflow: CAST('300' AS TINYINT)
            // fails with CAST_INVALID_INPUT.
            if (INTEGRAL.matcher(trimmed).matches() && IntegralRange.of(to).contains(new BigDecimal(trimmed))) {
                result = new BigDecimal(trimmed).longValue();
            }
        } else if (to == AtomicType.DOUBLE || to == AtomicType.FLOAT) {
            result = parseDouble(trimmed);
            if (result != null && to == AtomicType.FLOAT) {
                result = (double) ((Double) result).floatValue();
            }
        } else if (to instanceof DecimalType decimal) {
            if (FRACTIONAL.matcher(trimmed).matches() && !trimmed.matches(".*[dDfF]")) {
                return ArithmeticEvaluator.fit(new BigDecimal(trimmed), decimal);
            }
        } else if (to == AtomicType.BOOLEAN) {
            result = switch (trimmed.toLowerCase(Locale.ROOT)) {
                case "t", "true", "y", "yes", "1" -> Boolean.TRUE;
                case "f", "false", "n", "no", "0" -> Boolean.FALSE;
                default -> null;
            };
        } else if (to == AtomicType.DATE) {
            result = DateTimeText.parseDate(trimmed);
        } else if (to == AtomicType.TIMESTAMP) {
            result = DateTimeText.parseTimestamp(trimmed, zone);
        }
        if (result == null) {
            throw RowFailure.castInvalid("'" + text + "'", "STRING", to.sql());
        }
        return result;
    }

    private static Double parseDouble(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            case "nan" -> {
                return Double.NaN;
            }
            default -> {
                return FRACTIONAL.matcher(text).matches() ? Double.valueOf(text) : null;
            }
        }
    }
}
