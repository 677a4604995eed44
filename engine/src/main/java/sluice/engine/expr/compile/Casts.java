package sluice.engine.expr.compile;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import sluice.engine.expr.analyze.DateTimeText;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Bytes;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;
import sluice.engine.types.IntegralRange;
import sluice.engine.types.IntervalText;
import sluice.engine.types.LocalTimestamps;
import sluice.engine.types.MapType;
import sluice.engine.types.MapValue;
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
        return cast(value, from, to, zone, false);
    }

    /**
     * {@code isTry}: TRY_CAST, where an element of an array, a map's value or a struct's field that does not convert
     * becomes null and the rest of the value stays, as Spark casts the parts in TRY mode; a scalar that does not
     * convert still fails here, and the caller makes it null.
     */
    static Object cast(Object value, DataType from, DataType to, ZoneId zone, boolean isTry) {
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
                out.add(element(element, source.elementType(), target.elementType(), zone, isTry));
            }
            return java.util.Collections.unmodifiableList(out);
        }
        if (to instanceof MapType target && from instanceof MapType source) {
            MapValue map = (MapValue) value;
            List<Object> keys = new ArrayList<>(map.size());
            List<Object> values = new ArrayList<>(map.size());
            for (int i = 0; i < map.size(); i++) {
                keys.add(element(map.key(i), source.keyType(), target.keyType(), zone, false));
                values.add(element(map.value(i), source.valueType(), target.valueType(), zone, isTry));
            }
            return new MapValue(keys, values);
        }
        if (to instanceof StructType target && from instanceof StructType source) {
            Row row = (Row) value;
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                out.add(element(row.get(i), source.fields().get(i).type(), target.fields().get(i).type(), zone,
                        isTry));
            }
            return new Row(out);
        }
        return fromAtomic(value, from, to, zone);
    }

    /**
     * A constant DECIMAL cast to TIMESTAMP as Spark's optimizer folds it: its interpreted cast multiplies the seconds
     * as Scala BigDecimals, which round to 34 digits (DECIMAL128), where the code Spark generates for a column
     * multiplies exactly. They differ only for a product of more than 34 digits, far past a long, whose low 64 bits
     * both keep.
     */
    static long foldedDecimalToTimestamp(BigDecimal seconds) {
        return seconds.multiply(MICROS, MathContext.DECIMAL128).longValue();
    }

    /** A part of an array, map or struct (Java form) cast between two types; null when it fails under TRY. */
    private static Object element(Object value, DataType from, DataType to, ZoneId zone, boolean isTry) {
        try {
            return Values.toExternal(to, cast(Values.toStored(from, value), from, to, zone, isTry));
        } catch (RowFailure failure) {
            if (!isTry) {
                throw failure;
            }
            return null;
        }
    }

    private static Object fromAtomic(Object value, DataType from, DataType to, ZoneId zone) {
        if (from.isInterval() || to.isInterval()) {
            return IntervalCasts.cast(value, from, to);
        }
        if (from == AtomicType.DATE && to == AtomicType.TIMESTAMP) {
            // Spark's daysToMicros multiplies exactly: a date whose midnight is past a TIMESTAMP's range fails (null
            // under TRY_CAST) instead of wrapping around.
            long seconds = LocalDate.ofEpochDay((Long) value).atStartOfDay(zone).toEpochSecond();
            if (seconds > Long.MAX_VALUE / 1_000_000L || seconds < Long.MIN_VALUE / 1_000_000L) {
                throw RowFailure.castOverflow(literalText(value, from), from.sql(), to.sql());
            }
            return seconds * 1_000_000L;
        }
        if (from == AtomicType.TIMESTAMP_NTZ || to == AtomicType.TIMESTAMP_NTZ) {
            return localTimestamp((Long) value, from, to, zone);
        }
        if (from == AtomicType.TIMESTAMP && to == AtomicType.DATE) {
            return ((java.time.Instant) Values.toExternal(from, value)).atZone(zone).toLocalDate().toEpochDay();
        }
        if (from == AtomicType.TIMESTAMP) {
            return fromTimestamp((Long) value, to);
        }
        if (value instanceof Double d) {
            return fromFloating(d, from, to);
        }
        if (from == AtomicType.BOOLEAN) {
            return fromDecimal((Boolean) value ? BigDecimal.ONE : BigDecimal.ZERO, from, to, value);
        }
        if (to == AtomicType.TIMESTAMP) {
            // Seconds to microseconds as Spark's casts do it: an integral value saturates (TimeUnit), a decimal keeps
            // the low 64 bits of its truncated product (BigDecimal.longValue); neither fails.
            return value instanceof Long seconds ? TimeUnit.SECONDS.toMicros(seconds)
                    : ((BigDecimal) value).multiply(MICROS).longValue();
        }
        BigDecimal exact = value instanceof Long l ? BigDecimal.valueOf(l) : (BigDecimal) value;
        if (to == AtomicType.BOOLEAN) {
            return exact.signum() != 0;
        }
        return fromDecimal(exact, from, to, value);
    }

    /**
     * A cast to or from TIMESTAMP_NTZ, whose other side is a DATE or a TIMESTAMP: a date is its midnight; a TIMESTAMP
     * becomes its wall clock in the session zone and a wall clock becomes the instant it shows in that zone (a clock
     * in a daylight-saving gap moves forward, as java.time and Spark do).
     */
    private static long localTimestamp(long value, DataType from, DataType to, ZoneId zone) {
        if (from == AtomicType.DATE) {
            return Math.multiplyExact(value, 86_400_000_000L);
        } else if (to == AtomicType.DATE) {
            return Math.floorDiv(value, 86_400_000_000L);
        } else if (from == AtomicType.TIMESTAMP) {
            java.time.Instant instant = (java.time.Instant) Values.toExternal(from, value);
            return LocalTimestamps.micros(java.time.LocalDateTime.ofInstant(instant, zone));
        }
        java.time.Instant instant = LocalTimestamps.of(value).atZone(zone).toInstant();
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }

    /**
     * A TIMESTAMP as Spark casts it: to whole seconds rounded down for integral types, to seconds with every
     * microsecond for a DECIMAL (then rounded half up to the target's scale), and to a DOUBLE quotient otherwise.
     */
    private static Object fromTimestamp(long micros, DataType to) {
        if (to == AtomicType.DOUBLE) {
            return micros / 1_000_000.0;
        } else if (to == AtomicType.FLOAT) {
            return (double) (float) (micros / 1_000_000.0);
        } else if (to instanceof DecimalType decimal) {
            return ArithmeticEvaluator.fit(BigDecimal.valueOf(micros, 6), decimal);
        }
        return fromDecimal(BigDecimal.valueOf(Math.floorDiv(micros, 1_000_000L)), AtomicType.TIMESTAMP, to, micros);
    }

    /**
     * A FLOAT or DOUBLE (a FLOAT is stored as the DOUBLE of the same value) as Spark's ANSI casts take it: in binary
     * floating point, not as the shortest decimal text. NaN and the infinities are true as BOOLEAN, malformed as
     * TIMESTAMP, null as DECIMAL (Spark's decimal conversion refuses them and its cast turns that into null) and an
     * overflow as integral types.
     */
    private static Object fromFloating(double d, DataType from, DataType to) {
        if (to == AtomicType.DOUBLE) {
            return d;
        } else if (to == AtomicType.FLOAT) {
            return (double) (float) d;
        } else if (to == AtomicType.BOOLEAN) {
            return d != 0;
        }
        boolean finite = !Double.isNaN(d) && !Double.isInfinite(d);
        if (to == AtomicType.TIMESTAMP) {
            if (!finite) {
                throw RowFailure.castInvalid(Double.toString(d), AtomicType.DOUBLE.sql(), to.sql());
            }
            double micros = d * 1_000_000.0;
            if (!fitsLong(micros, Long.MIN_VALUE, Long.MAX_VALUE)) {
                throw RowFailure.castOverflow(micros + "D", AtomicType.DOUBLE.sql(), AtomicType.BIGINT.sql());
            }
            return (long) micros;
        } else if (to instanceof DecimalType decimal) {
            // Spark makes the decimal from the DOUBLE's text, a FLOAT's widened to DOUBLE first (0.1F is
            // 0.10000000149011612).
            return finite ? ArithmeticEvaluator.fit(new BigDecimal(Double.toString(d)), decimal) : null;
        }
        IntegralRange range = IntegralRange.of(to);
        if (!fitsLong(d, range.min(), range.max())) {
            throw RowFailure.castOverflow(literalText(d, from), from.sql(), to.sql());
        }
        return (long) d;
    }

    // Spark's test for a fractional value that truncates into an integral range: the bounds compared as DOUBLEs, so
    // 2^63 passes for BIGINT and truncates (saturates) to its largest value.
    private static boolean fitsLong(double value, long min, long max) {
        return Math.floor(value) <= (double) max && Math.ceil(value) >= (double) min;
    }

    static Object fromDecimal(BigDecimal number, DataType from, DataType to, Object original) {
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
        } else if (type.isInterval()) {
            return ValueText.interval((AtomicType) type, (Long) value);
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
        } else if (to == AtomicType.TIMESTAMP_NTZ) {
            result = DateTimeText.parseLocalTimestamp(trimmed);
        } else if (to.isInterval()) {
            try {
                return IntervalText.parse(text, (AtomicType) to);
            } catch (IntervalText.Invalid e) {
                throw RowFailure.intervalFormat(e.errorClass(), e.getMessage());
            }
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
