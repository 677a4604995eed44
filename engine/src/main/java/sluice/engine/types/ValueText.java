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
        } else if (type.isInterval()) {
            return interval(type, value);
        } else if (type instanceof DecimalType) {
            // Spark's cast to STRING writes a decimal plainly: 0.0000000000, not 0E-10.
            return ((BigDecimal) value).toPlainString();
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
        return interval(AtomicType.INTERVAL, ColumnVector.toStoredLong(AtomicType.INTERVAL, duration));
    }

    /** Spark's ANSI year-month interval text: {@code INTERVAL '1-2' YEAR TO MONTH}, {@code INTERVAL '-0-3' ...}. */
    public static String interval(java.time.Period period) {
        return interval(AtomicType.INTERVAL_YEAR_MONTH, period.toTotalMonths());
    }

    /** Spark's ANSI text of an interval of {@code type} in its Java form (a Duration or a Period). */
    public static String interval(DataType type, Object value) {
        return interval((AtomicType) type, ColumnVector.toStoredLong(type, value));
    }

    /**
     * Spark's ANSI text of an interval of {@code type} (its stored months or microseconds), field by field as Spark's
     * toDayTimeIntervalString and toYearMonthIntervalString write it: {@code INTERVAL '03' HOUR},
     * {@code INTERVAL '-1 02:03' DAY TO MINUTE}, {@code INTERVAL '05.5' SECOND}, {@code INTERVAL '1' YEAR},
     * {@code INTERVAL '14' MONTH}.
     */
    public static String interval(AtomicType type, long stored) {
        IntervalField start = type.startField();
        IntervalField end = type.endField();
        String fields = start == end ? start.name() : start.name() + " TO " + end.name();
        StringBuilder text = new StringBuilder("INTERVAL '");
        if (start.isYearMonth()) {
            long abs = Math.abs(stored);
            String sign = stored < 0 ? "-" : "";
            if (start == IntervalField.MONTH) {
                text.append(stored);
            } else if (end == IntervalField.YEAR) {
                text.append(sign).append(abs / 12);
            } else {
                text.append(sign).append(abs / 12).append('-').append(abs % 12);
            }
            return text.append("' ").append(fields).toString();
        }
        // The smallest long has no positive counterpart: its magnitude is read as an unsigned number.
        java.math.BigInteger rest = java.math.BigInteger.valueOf(stored).abs();
        if (stored < 0) {
            text.append('-');
        }
        boolean first = true;
        for (IntervalField field : IntervalField.values()) {
            if (field.isYearMonth() || field.compareTo(start) < 0 || field.compareTo(end) > 0) {
                continue;
            }
            java.math.BigInteger unit = java.math.BigInteger.valueOf(field.unit());
            if (!first) {
                text.append(field == IntervalField.HOUR ? " " : ":");
            }
            if (field == IntervalField.SECOND) {
                String seconds = new BigDecimal(rest, 6).stripTrailingZeros().toPlainString();
                text.append(rest.compareTo(java.math.BigInteger.valueOf(10_000_000L)) < 0 ? "0" : "").append(seconds);
            } else {
                java.math.BigInteger[] split = rest.divideAndRemainder(unit);
                String digits = split[0].toString();
                if (field != IntervalField.DAY && digits.length() < 2) {
                    text.append('0');
                }
                text.append(digits);
                rest = split[1];
            }
            first = false;
        }
        return text.append("' ").append(fields).toString();
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
