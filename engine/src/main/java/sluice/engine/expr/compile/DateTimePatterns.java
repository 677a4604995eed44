package sluice.engine.expr.compile;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;
import sluice.engine.types.DatetimePattern;

/**
 * Spark datetime patterns ({@code yyyy-MM-dd HH:mm:ss}, {@code MMM}, {@code EEEE}, {@code a}, {@code SSS},
 * {@code XXX}) as java.time formatters, with the checks of Spark's DateTimeFormatterHelper: week-based letters
 * (Y w W u e c) and letters Spark does not support (A n N p) are rejected; parsing is STRICT in the ISO calendar, and
 * {@code y} is the proleptic year {@code u} unless {@code G} names the era ({@link DatetimePattern}), so years before
 * 1 read and print with their sign as in Spark. Stateless.
 */
final class DateTimePatterns {
    private static final String WEEK_BASED = "YwWuec";
    private static final String UNSUPPORTED = "AnNp";

    /** Letters of fields a date alone has: a pattern of these formats a DATE without making it a timestamp. */
    private static final String DATE_FIELDS = "GyMLdDQqE";
    private static final String MONTH_FIELDS = "GyMLQq";

    private DateTimePatterns() {
    }

    /**
     * Whether {@code pattern} prints only fields of the day (year, month, day, quarter, weekday, era): a DATE cast to
     * TIMESTAMP (its midnight in the session zone, or the first instant of that day) prints the same from the date.
     */
    static boolean datesOnly(String pattern) {
        return onlyLetters(pattern, DATE_FIELDS);
    }

    /** Whether {@code pattern} prints only the year, month, quarter or era: the same for every day of a month. */
    static boolean monthsOnly(String pattern) {
        return onlyLetters(pattern, MONTH_FIELDS);
    }

    private static boolean onlyLetters(String pattern, String letters) {
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') && letters.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    static DateTimeFormatter formatter(String pattern) {
        check(pattern);
        try {
            return new DateTimeFormatterBuilder().parseCaseInsensitive()
                    .appendPattern(DatetimePattern.toJavaTime(pattern))
                    .toFormatter(Locale.US)
                    .withChronology(IsoChronology.INSTANCE)
                    .withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw RowFailure.invalidArgument("[INVALID_DATETIME_PATTERN] Unrecognized datetime pattern: " + pattern
                    + ".");
        }
    }

    /** Pattern letters outside quotes that Spark refuses, reported as Spark reports them. */
    private static void check(String pattern) {
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && WEEK_BASED.indexOf(c) >= 0) {
                throw RowFailure.invalidArgument("[INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_WEEK_BASED_PATTERN] "
                        + "You may get a different result due to the upgrading to Spark >= 3.0: All week-based "
                        + "patterns are unsupported since Spark 3.0, detected week-based character: " + c
                        + ". Please use the SQL function EXTRACT instead.");
            } else if (!quoted && UNSUPPORTED.indexOf(c) >= 0) {
                throw RowFailure.invalidArgument("[INVALID_DATETIME_PATTERN.ILLEGAL_CHARACTER] Unrecognized datetime "
                        + "pattern: " + pattern + ". Illegal pattern character found in datetime pattern: " + c
                        + ". Please provide legal character.");
            }
        }
    }

    /** The local date-time a parse produced; fields the pattern lacks default to 1970-01-01 00:00:00 as in Spark. */
    static LocalDateTime toLocal(TemporalAccessor parsed) {
        LocalDate date = parsed.query(TemporalQueries.localDate());
        if (date == null) {
            date = LocalDate.of(field(parsed, ChronoField.YEAR, 1970), field(parsed, ChronoField.MONTH_OF_YEAR, 1),
                    field(parsed, ChronoField.DAY_OF_MONTH, 1));
        }
        LocalTime time = parsed.query(TemporalQueries.localTime());
        if (time == null) {
            int hour = parsed.isSupported(ChronoField.HOUR_OF_DAY) ? parsed.get(ChronoField.HOUR_OF_DAY)
                    : field(parsed, ChronoField.CLOCK_HOUR_OF_AMPM, 12) % 12
                            + 12 * field(parsed, ChronoField.AMPM_OF_DAY, 0);
            time = LocalTime.of(hour, field(parsed, ChronoField.MINUTE_OF_HOUR, 0),
                    field(parsed, ChronoField.SECOND_OF_MINUTE, 0), field(parsed, ChronoField.NANO_OF_SECOND, 0));
        }
        return LocalDateTime.of(date, time);
    }

    private static int field(TemporalAccessor parsed, ChronoField field, int absent) {
        return parsed.isSupported(field) ? parsed.get(field) : absent;
    }
}
