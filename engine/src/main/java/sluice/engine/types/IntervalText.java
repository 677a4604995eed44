package sluice.engine.types;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text read as an ANSI interval of one type, as Spark's {@code CAST(text AS INTERVAL ...)} reads it
 * (castStringToYMInterval, castStringToDTInterval): the bare value in the form of the type's fields ({@code '1-2'} for
 * YEAR TO MONTH, {@code '10:20:30.5'} for HOUR TO SECOND, {@code '-3'} for HOUR), or the whole literal that
 * {@link ValueText#interval(AtomicType, long)} writes ({@code INTERVAL '03' HOUR}), case-insensitive, the surrounding
 * spaces ignored. Text in any other form, or in the form of other fields, is refused with Spark's error class.
 * Stateless; any thread.
 */
public final class IntervalText {
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MAX_DAY = Long.MAX_VALUE / IntervalField.DAY.unit();
    private static final long MAX_HOUR = Long.MAX_VALUE / IntervalField.HOUR.unit();
    private static final long MAX_MINUTE = Long.MAX_VALUE / IntervalField.MINUTE.unit();
    // Spark's sign class is [+|-]: a bar counts as a plus.
    private static final String SIGN = "([+|-])?";
    private static final String NORMAL = "(\\d{1,2})";
    private static final String FRACTION = "(\\.\\d{1,9})?";
    private static final Pattern YEAR_MONTH = Pattern.compile(SIGN + "(\\d+)-(\\d+)");
    private static final Pattern ONE_YEAR_MONTH_FIELD = Pattern.compile(SIGN + "(\\d+)");
    private static final Pattern DAY_HOUR = Pattern.compile(SIGN + "(\\d{1,9}) " + NORMAL);
    private static final Pattern DAY_MINUTE = Pattern.compile(SIGN + "(\\d{1,9}) " + NORMAL + ":" + NORMAL);
    private static final Pattern DAY_SECOND = Pattern.compile(SIGN + "(\\d{1,9}) " + NORMAL + ":" + NORMAL + ":"
            + NORMAL + FRACTION);
    private static final Pattern HOUR_MINUTE = Pattern.compile(SIGN + "(\\d{1,10}):" + NORMAL);
    private static final Pattern HOUR_SECOND = Pattern.compile(SIGN + "(\\d{1,10}):" + NORMAL + ":" + NORMAL
            + FRACTION);
    private static final Pattern MINUTE_SECOND = Pattern.compile(SIGN + "(\\d{1,12}):" + NORMAL + FRACTION);
    private static final Pattern ONE_DAY_TIME_FIELD = Pattern.compile(SIGN + "(\\d{1,13})" + FRACTION);
    /** {@code INTERVAL [+|-]'value' FIELDS}: the sign outside, the value, the field words. */
    private static final Pattern LITERAL = Pattern.compile(
            "(?i)INTERVAL\\s+([+|-])?'([^']*)'\\s+(\\w+(?:\\s+TO\\s+\\w+)?)");

    private IntervalText() {
    }

    /** Text Spark refuses as an interval: its error class ({@code INVALID_INTERVAL_FORMAT.…}) and message. */
    public static final class Invalid extends IllegalArgumentException {
        private final String errorClass;

        Invalid(String errorClass, String message) {
            super(message, null);
            this.errorClass = errorClass;
        }

        public String errorClass() {
            return errorClass;
        }
    }

    /** The months or microseconds {@code type} stores for {@code text}; throws {@link Invalid}. */
    public static long parse(String text, AtomicType type) {
        String trimmed = trimAll(text);
        String value = trimmed;
        String outerSign = null;
        Matcher literal = LITERAL.matcher(trimmed);
        if (literal.matches()) {
            // The literal's fields must be the type's own.
            String fields = literal.group(3).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (!fields.equals(fieldWords(type))) {
                throw unmatched(text, type);
            }
            outerSign = literal.group(1);
            value = literal.group(2);
        }
        return type.isYearMonthInterval() ? yearMonth(value, outerSign, text, type)
                : dayTime(value, outerSign, text, type);
    }

    private static long yearMonth(String value, String outerSign, String text, AtomicType type) {
        Matcher m = YEAR_MONTH.matcher(value);
        if (type == AtomicType.INTERVAL_YEAR_MONTH && m.matches()) {
            int sign = sign(outerSign, m.group(1));
            return parsing("year-month", text, () -> {
                long years = ranged("year", m.group(2), 0, Integer.MAX_VALUE / 12);
                return Math.toIntExact(sign * (years * 12 + ranged("month", m.group(3), 0, 11)));
            });
        }
        Matcher one = ONE_YEAR_MONTH_FIELD.matcher(value);
        if (one.matches() && type != AtomicType.INTERVAL_YEAR_MONTH) {
            int sign = sign(outerSign, one.group(1));
            return parsing("year-month", text, () -> type == AtomicType.INTERVAL_YEAR
                    ? sign * Math.toIntExact(Long.parseLong(one.group(2)) * 12)
                    : Math.toIntExact(sign * Long.parseLong(one.group(2))));
        }
        throw unmatched(text, type);
    }

    private static long dayTime(String value, String outerSign, String text, AtomicType type) {
        Matcher m;
        if (type == AtomicType.INTERVAL_DAY_HOUR && (m = DAY_HOUR.matcher(value)).matches()) {
            return days(m, outerSign, m.group(3), "0", "0", text);
        } else if (type == AtomicType.INTERVAL_DAY_MINUTE && (m = DAY_MINUTE.matcher(value)).matches()) {
            return days(m, outerSign, m.group(3), m.group(4), "0", text);
        } else if (type == AtomicType.INTERVAL && (m = DAY_SECOND.matcher(value)).matches()) {
            return days(m, outerSign, m.group(3), m.group(4), seconds(m.group(5), m.group(6)), text);
        } else if (type == AtomicType.INTERVAL_HOUR_MINUTE && (m = HOUR_MINUTE.matcher(value)).matches()) {
            return hours(m, outerSign, m.group(3), "0", text);
        } else if (type == AtomicType.INTERVAL_HOUR_SECOND && (m = HOUR_SECOND.matcher(value)).matches()) {
            return hours(m, outerSign, m.group(3), seconds(m.group(4), m.group(5)), text);
        } else if (type == AtomicType.INTERVAL_MINUTE_SECOND && (m = MINUTE_SECOND.matcher(value)).matches()) {
            Matcher minuteSecond = m;
            int sign = sign(outerSign, m.group(1));
            return parsing("day-time", text, () -> Math.addExact(
                    sign * ranged("minute", minuteSecond.group(2), 0, MAX_MINUTE) * IntervalField.MINUTE.unit(),
                    sign * secondNano(seconds(minuteSecond.group(3), minuteSecond.group(4)), 0, 59)));
        }
        Matcher one = ONE_DAY_TIME_FIELD.matcher(value);
        if (one.matches() && type.startField() == type.endField()) {
            int sign = sign(outerSign, one.group(1));
            String digits = one.group(2);
            String fraction = one.group(3);
            int maxDigits = switch (type.startField()) {
                case DAY -> 9;
                case HOUR -> 10;
                case MINUTE -> 12;
                default -> 13;
            };
            if (digits.length() <= maxDigits && (fraction == null || type.startField() == IntervalField.SECOND)) {
                return parsing("day-time", text, () -> type.startField() == IntervalField.SECOND
                        ? secondNano((sign < 0 ? "-" : "") + seconds(digits, fraction), Long.MIN_VALUE
                                / MICROS_PER_SECOND, Long.MAX_VALUE / MICROS_PER_SECOND)
                        : sign * Long.parseLong(digits) * type.startField().unit());
            }
        }
        throw unmatched(text, type);
    }

    /** d h:m:s with each field in its range, as Spark's toDTInterval: exact, failing past a long. */
    private static long days(Matcher m, String outerSign, String hour, String minute, String second, String text) {
        int sign = sign(outerSign, m.group(1));
        return parsing("day-time", text, () -> {
            long micros = sign * ranged("day", m.group(2), 0, MAX_DAY) * IntervalField.DAY.unit();
            return timeOfDay(micros, sign, ranged("hour", hour, 0, 23), minute, second);
        });
    }

    private static long hours(Matcher m, String outerSign, String minute, String second, String text) {
        int sign = sign(outerSign, m.group(1));
        return parsing("day-time", text, () -> timeOfDay(0, sign, ranged("hour", m.group(2), 0, MAX_HOUR), minute,
                second));
    }

    private static long timeOfDay(long micros, int sign, long hours, String minute, String second) {
        micros = Math.addExact(micros, sign * hours * IntervalField.HOUR.unit());
        micros = Math.addExact(micros, sign * ranged("minute", minute, 0, 59) * IntervalField.MINUTE.unit());
        return Math.addExact(micros, sign * secondNano(second, 0, 59));
    }

    private static String seconds(String whole, String fraction) {
        return fraction == null ? whole : whole + fraction;
    }

    /** Seconds with up to nine digits of fraction, in microseconds (the fraction cut, as Spark's parseNanos). */
    private static long secondNano(String text, long min, long max) {
        int point = text.indexOf('.');
        String whole = point < 0 ? text : text.substring(0, point);
        long seconds = ranged("second", whole, min, max) * MICROS_PER_SECOND;
        if (point < 0) {
            return seconds;
        }
        long micros = new BigDecimal("0" + text.substring(point)).movePointRight(6).longValue();
        return Math.addExact(seconds, whole.startsWith("-") ? -micros : micros);
    }

    private static long ranged(String field, String digits, long min, long max) {
        long value = Long.parseLong(digits);
        if (value < min || value > max) {
            throw new IllegalArgumentException("requirement failed: " + field + " " + value + " outside range ["
                    + min + ", " + max + "]");
        }
        return value;
    }

    /** Spark's finalSign: a minus outside the quotes and one inside cancel out. */
    private static int sign(String outer, String inner) {
        return "-".equals(outer) == "-".equals(inner) ? 1 : -1;
    }

    private interface Reading {
        long read();
    }

    /** A value in the right form whose numbers are out of range: Spark's INTERVAL_PARSING. */
    private static long parsing(String kind, String text, Reading reading) {
        try {
            return reading.read();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new Invalid("INVALID_INTERVAL_FORMAT.INTERVAL_PARSING", "Error parsing interval " + kind
                    + " string: " + e.getMessage() + ".");
        }
    }

    private static Invalid unmatched(String text, AtomicType type) {
        boolean yearMonth = type.isYearMonthInterval();
        String value = switch (type) {
            case INTERVAL_YEAR_MONTH -> "y-m";
            case INTERVAL_DAY_HOUR -> "d h";
            case INTERVAL_DAY_MINUTE -> "d h:m";
            case INTERVAL -> "d h:m:s.n";
            case INTERVAL_HOUR_MINUTE -> "h:m";
            case INTERVAL_HOUR_SECOND -> "h:m:s.n";
            case INTERVAL_MINUTE_SECOND -> "m:s.n";
            case INTERVAL_SECOND -> "s.n";
            default -> type.startField().name().substring(0, 1).toLowerCase(Locale.ROOT);
        };
        String formats = "`[+|-]" + value + "`, `INTERVAL [+|-]'[+|-]" + value + "' " + fieldWords(type) + "`";
        String message = "Interval string does not match " + (yearMonth ? "year-month" : "day-time") + " format of "
                + formats + " when cast to " + type.simpleString() + ": " + text + ".";
        // Spark adds the legacy setting's notice to day-time refusals only.
        return yearMonth ? new Invalid("INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING", message)
                : new Invalid("INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING_WITH_NOTICE", message
                        + " Set \"spark.sql.legacy.fromDayTimeString.enabled\" to \"true\" to restore the behavior "
                        + "before Spark 3.0.");
    }

    private static String fieldWords(AtomicType type) {
        return type.startField() == type.endField() ? type.startField().name()
                : type.startField().name() + " TO " + type.endField().name();
    }

    /** UTF8String.trimAll: spaces and control characters off both ends. */
    private static String trimAll(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) <= ' ') {
            end--;
        }
        return text.substring(start, end);
    }
}
