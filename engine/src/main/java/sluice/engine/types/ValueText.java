package sluice.engine.types;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A value as Spark's {@code CAST(x AS STRING)} writes it: doubles as Java's {@code Double.toString}, dates as
 * {@code yyyy-MM-dd}, timestamps as {@code yyyy-MM-dd HH:mm:ss[.ffffff]} in the session time zone without trailing
 * zeros in the fraction, binary as its bytes read as UTF-8, arrays as {@code [a, b]}, maps as
 * {@code {k1 -> v1, k2 -> v2}}, structs as {@code {a, b}}, nested nulls as {@code null}. Stateless; any thread.
 */
public final class ValueText {
    private ValueText() {
    }

    /** The text of a non-null value of {@code type} in its Java form (see {@link ColumnVector#get}). */
    public static String of(DataType type, Object value, ZoneId zone) {
        if (value == null) {
            return "null";
        }
        if (type == AtomicType.TIMESTAMP) {
            return timestamp((Instant) value, zone);
        } else if (type == AtomicType.TIMESTAMP_NTZ) {
            return timestamp((LocalDateTime) value);
        } else if (type == AtomicType.INTERVAL) {
            return interval((Duration) value);
        } else if (type == AtomicType.INTERVAL_YEAR_MONTH) {
            return interval((java.time.Period) value);
        } else if (type instanceof DecimalType) {
            return ((BigDecimal) value).toString();
        } else if (type instanceof ArrayType array) {
            return sequence(array.elementType(), (List<?>) value, zone, "[", "]");
        } else if (type instanceof MapType map) {
            return map(map, (MapValue) value, (t, v) -> of(t, v, zone), "null");
        } else if (type instanceof StructType struct) {
            StringBuilder text = new StringBuilder("{");
            Row row = (Row) value;
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    text.append(", ");
                }
                text.append(of(struct.fields().get(i).type(), row.get(i), zone));
            }
            return text.append('}').toString();
        } else if (value instanceof LocalDate date) {
            return date(date);
        } else if (value instanceof Bytes bytes) {
            return bytes.toUtf8String();
        }
        return value.toString();
    }

    private static String sequence(DataType element, List<?> values, ZoneId zone, String open, String close) {
        StringBuilder text = new StringBuilder(open);
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(of(element, values.get(i), zone));
        }
        return text.append(close).toString();
    }

    /**
     * {@code {k1 -> v1, k2 -> v2}} with each key and value written by {@code text} and a null value as
     * {@code nullText}: Spark's cast-to-string and show() text of a map.
     */
    public static String map(MapType type, MapValue map, java.util.function.BiFunction<DataType, Object, String> text,
            String nullText) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < map.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(text.apply(type.keyType(), map.key(i))).append(" -> ");
            Object value = map.value(i);
            out.append(value == null ? nullText : text.apply(type.valueType(), value));
        }
        return out.append('}').toString();
    }

    /**
     * {@code yyyy-MM-dd} as Spark's formatters write it: the year is java.time's {@code uuuu} (SignStyle.EXCEEDS_PAD,
     * as in ISO_LOCAL_DATE), so at least four digits, a minus before a negative year ({@code -0001}) and a plus
     * before a year past 9999 ({@code +294247}).
     */
    public static String date(LocalDate date) {
        int year = date.getYear();
        StringBuilder text = new StringBuilder(10);
        if (year < 0) {
            text.append('-');
        } else if (year > 9999) {
            text.append('+');
        }
        pad(text, Math.abs(year), 4);
        text.append('-');
        pad(text, date.getMonthValue(), 2);
        text.append('-');
        pad(text, date.getDayOfMonth(), 2);
        return text.toString();
    }

    public static String timestamp(Instant instant, ZoneId zone) {
        return timestamp(LocalDateTime.ofInstant(instant, zone));
    }

    /** A TIMESTAMP_NTZ as Spark writes it, and the wall-clock part of a TIMESTAMP. */
    public static String timestamp(LocalDateTime local) {
        StringBuilder text = new StringBuilder(26).append(date(local.toLocalDate())).append(' ');
        pad(text, local.getHour(), 2);
        text.append(':');
        pad(text, local.getMinute(), 2);
        text.append(':');
        pad(text, local.getSecond(), 2);
        appendFraction(text, local.getNano() / 1000);
        return text.toString();
    }

    /** Spark's ANSI day-time interval text: {@code INTERVAL '1 02:03:04.5' DAY TO SECOND}. */
    public static String interval(Duration duration) {
        boolean negative = duration.isNegative();
        Duration abs = duration.abs();
        long days = abs.toDays();
        StringBuilder text = new StringBuilder("INTERVAL '");
        if (negative) {
            text.append('-');
        }
        text.append(days).append(' ');
        pad(text, abs.toHoursPart(), 2);
        text.append(':');
        pad(text, abs.toMinutesPart(), 2);
        text.append(':');
        pad(text, abs.toSecondsPart(), 2);
        appendFraction(text, abs.toNanosPart() / 1000);
        return text.append("' DAY TO SECOND").toString();
    }

    /** Spark's ANSI year-month interval text: {@code INTERVAL '1-2' YEAR TO MONTH}, {@code INTERVAL '-0-3' ...}. */
    public static String interval(java.time.Period period) {
        long months = period.toTotalMonths();
        long abs = Math.abs(months);
        return "INTERVAL '" + (months < 0 ? "-" : "") + abs / 12 + "-" + abs % 12 + "' YEAR TO MONTH";
    }

    /** {@code .ffffff} without trailing zeros, or nothing for whole seconds. */
    private static void appendFraction(StringBuilder text, int micros) {
        if (micros == 0) {
            return;
        }
        StringBuilder fraction = new StringBuilder(6);
        pad(fraction, micros, 6);
        int end = fraction.length();
        while (fraction.charAt(end - 1) == '0') {
            end--;
        }
        text.append('.').append(fraction, 0, end);
    }

    private static void pad(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        text.append(digits);
    }
}
