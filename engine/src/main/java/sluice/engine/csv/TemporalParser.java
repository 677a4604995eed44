package sluice.engine.csv;

import static java.util.Objects.requireNonNull;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;
import sluice.engine.types.DatetimePattern;

/**
 * Spark's reading of DATE and TIMESTAMP text in the CSV and JSON readers. Without a {@code dateFormat} or
 * {@code timestampFormat} option Spark 4 parses as its string-to-date and string-to-timestamp casts do
 * ({@code 2015-01-02}, {@code 2015-1-2}, {@code 2015-01-02 10:00:00.5}, {@code 2015-01-02T10:00:00Z}, {@code 2015});
 * with the option it parses strictly by the pattern. Immutable; made once per file read, since the session time zone
 * (for text without a zone) is known only then.
 */
public final class TemporalParser {
    /** Returned for text that is not a date or timestamp; no real value reaches it. */
    public static final long INVALID = Long.MIN_VALUE;
    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    /** Days from 0000-03-01 (the start of the computation's year) to 1970-01-01. */
    private static final long DAYS_0000_TO_1970 = 719_468;

    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MILLIS_PER_DAY = 86_400_000L;
    /** 1582-10-15, the first day of the Gregorian calendar, in days since 1970-01-01. */
    private static final int GREGORIAN_REFORM_DAY = -141_427;

    private final DateTimeFormatter dateFormat;
    private final DateTimeFormatter timestampFormat;
    private final DateTimeFormatter localTimestampFormat;
    private final ZoneId zone;

    private TemporalParser(DateTimeFormatter dateFormat, DateTimeFormatter timestampFormat,
                           DateTimeFormatter localTimestampFormat, ZoneId zone) {
        this.dateFormat = dateFormat;
        this.timestampFormat = timestampFormat;
        this.localTimestampFormat = localTimestampFormat;
        this.zone = requireNonNull(zone, "zone is null");
    }

    /** Patterns may be null (Spark's default parsing); a bad pattern throws IllegalArgumentException. */
    public static TemporalParser of(String datePattern, String timestampPattern, ZoneId zone) {
        return of(datePattern, timestampPattern, null, zone);
    }

    /** With the {@code timestampNTZFormat} pattern (null for Spark's default parsing) for TIMESTAMP_NTZ text. */
    public static TemporalParser of(String datePattern, String timestampPattern, String localTimestampPattern,
                                    ZoneId zone) {
        return new TemporalParser(formatter(datePattern), formatter(timestampPattern),
                formatter(localTimestampPattern), zone);
    }

    /** Checks a pattern as the option check does; throws IllegalArgumentException with the reason. */
    public static void checkPattern(String pattern) {
        formatter(pattern);
    }

    private static DateTimeFormatter formatter(String pattern) {
        if (pattern == null) {
            return null;
        }
        // Spark builds its formatters the same way: case-insensitive, strict, 'y' read as 'u' (a year with its sign).
        return new DateTimeFormatterBuilder().parseCaseInsensitive()
                .appendPattern(DatetimePattern.toJavaTime(pattern)).toFormatter(Locale.US)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    /** Whether dates are read by a {@code dateFormat} pattern rather than as Spark's cast reads them. */
    public boolean hasDatePattern() {
        return dateFormat != null;
    }

    /**
     * The JSON readers' last way to read DATE text when no {@code dateFormat} is set: a whole number as days since
     * 1970-01-01 counted in the calendar of its time (Julian before October 1582, as Spark's
     * rebaseJulianToGregorianDays), the form Spark 1.5 wrote dates in and Spark still reads; {@link #INVALID} when
     * the text is no int.
     */
    public static long legacyJsonDays(String text) {
        int days;
        try {
            days = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return INVALID;
        }
        if (days >= GREGORIAN_REFORM_DAY) {
            return days;
        }
        GregorianCalendar hybrid = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        hybrid.clear();
        hybrid.setTimeInMillis(days * MILLIS_PER_DAY);
        int year = hybrid.get(Calendar.ERA) == GregorianCalendar.BC ? 1 - hybrid.get(Calendar.YEAR)
                : hybrid.get(Calendar.YEAR);
        // A Julian 29 February that the ISO calendar lacks moves on to 1 March.
        return LocalDate.of(year, hybrid.get(Calendar.MONTH) + 1, 1)
                .plusDays(hybrid.get(Calendar.DAY_OF_MONTH) - 1L).toEpochDay();
    }

    /** Days since 1970-01-01, or {@link #INVALID}. */
    public long parseDate(String text) {
        if (dateFormat != null) {
            try {
                TemporalAccessor parsed = dateFormat.parse(text);
                return localDate(parsed).toEpochDay();
            } catch (DateTimeException e) {
                return INVALID;
            }
        }
        long plain = text.length() == 10 ? plainDate(text.toCharArray(), 0, 10) : INVALID;
        if (plain != INVALID) {
            return plain;
        }
        int[] end = new int[1];
        int start = skipSpace(text, 0);
        int stop = trimEnd(text, start);
        LocalDate date = castDate(text, start, stop, end);
        if (date == null) {
            return INVALID;
        }
        int at = end[0];
        // The cast accepts anything after the day once a space or 'T' separates it.
        if (at == stop || text.charAt(at) == ' ' || text.charAt(at) == 'T') {
            return date.toEpochDay();
        }
        return INVALID;
    }

    /** The common {@code yyyy-MM-dd} without allocating: most files hold nothing else. */
    private static long plainDate(char[] text, int start, int length) {
        if (length != 10 || text[start + 4] != '-' || text[start + 7] != '-') {
            return INVALID;
        }
        int year = 0;
        int month = 0;
        int day = 0;
        for (int i = 0; i < 10; i++) {
            if (i == 4 || i == 7) {
                continue;
            }
            int digit = text[start + i] - '0';
            if (digit < 0 || digit > 9) {
                return INVALID;
            }
            if (i < 4) {
                year = year * 10 + digit;
            } else if (i < 7) {
                month = month * 10 + digit;
            } else {
                day = day * 10 + digit;
            }
        }
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return INVALID;
        }
        return epochDay(year, month, day);
    }

    /**
     * Of a year of 0 to 9999 and a month of 1 to 12, in arithmetic only: no branch that only a leap February or a
     * century year would take (a {@code ? :} is one, which the JIT compiled away until the first 29th of February
     * arrived and threw the reading loop's code away). {@code (x - 1) >>> 31} is 1 when x is 0, else 0.
     */
    private static int daysInMonth(int year, int month) {
        int fourth = ((year & 3) - 1) >>> 31;
        int century = ((year % 100) - 1) >>> 31;
        int fourthCentury = ((year % 400) - 1) >>> 31;
        int february = ((month ^ 2) - 1) >>> 31;
        return DAYS_IN_MONTH[month - 1] + (february & fourth & (century ^ 1 | fourthCentury));
    }

    /**
     * {@code LocalDate.of(year, month, day).toEpochDay()} for a year of 0 to 9999, computed in place: the reading
     * loop calls it for every DATE field, and java.time's checks and month lengths branch on rare cases (the 29th of
     * February) that the JIT compiles away until the first one arrives and throws the loop's code away. Years start
     * in March here, so the leap day is the year's last day and a year's days are 365 plus the leap-year terms.
     */
    private static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - DAYS_0000_TO_1970;
    }

    /** {@link #parseDate(String)} of {@code chars[start, start+length)}, allocating nothing for plain dates. */
    public long parseDate(char[] chars, int start, int length) {
        if (dateFormat == null) {
            long plain = plainDate(chars, start, length);
            if (plain != INVALID) {
                return plain;
            }
        }
        return parseDate(new String(chars, start, length));
    }

    /** Microseconds since the epoch, or {@link #INVALID}. */
    public long parseTimestamp(String text) {
        if (timestampFormat != null) {
            try {
                TemporalAccessor parsed = timestampFormat.parse(text);
                LocalDateTime local = localDate(parsed).atTime(
                        field(parsed, ChronoField.HOUR_OF_DAY, 0), field(parsed, ChronoField.MINUTE_OF_HOUR, 0),
                        field(parsed, ChronoField.SECOND_OF_MINUTE, 0), field(parsed, ChronoField.NANO_OF_SECOND, 0));
                ZoneId parsedZone = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                        ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)) : zone;
                return toMicros(local, parsedZone);
            } catch (DateTimeException | ArithmeticException e) {
                return INVALID;
            }
        }
        try {
            return castTimestamp(text, false);
        } catch (DateTimeException | ArithmeticException e) {
            return INVALID;
        }
    }

    /**
     * A TIMESTAMP_NTZ's stored microseconds, or {@link #INVALID}. Spark reads it by {@code timestampNTZFormat} when
     * set, else with its own default parser whatever {@code timestampFormat} says (that option is for TIMESTAMP);
     * either way text with a zone is no wall-clock time.
     */
    public long parseLocalTimestamp(String text) {
        if (localTimestampFormat != null) {
            try {
                TemporalAccessor parsed = localTimestampFormat.parse(text);
                if (parsed.query(java.time.temporal.TemporalQueries.zone()) != null) {
                    return INVALID;
                }
                LocalDateTime local = localDate(parsed).atTime(
                        field(parsed, ChronoField.HOUR_OF_DAY, 0), field(parsed, ChronoField.MINUTE_OF_HOUR, 0),
                        field(parsed, ChronoField.SECOND_OF_MINUTE, 0), field(parsed, ChronoField.NANO_OF_SECOND, 0));
                return toMicros(local, ZoneOffset.UTC);
            } catch (DateTimeException | ArithmeticException e) {
                return INVALID;
            }
        }
        try {
            return castTimestamp(text, true);
        } catch (DateTimeException | ArithmeticException e) {
            return INVALID;
        }
    }

    private static LocalDate localDate(TemporalAccessor parsed) {
        int year = parsed.isSupported(ChronoField.YEAR) ? parsed.get(ChronoField.YEAR)
                : field(parsed, ChronoField.YEAR_OF_ERA, 1970);
        return LocalDate.of(year, field(parsed, ChronoField.MONTH_OF_YEAR, 1),
                field(parsed, ChronoField.DAY_OF_MONTH, 1));
    }

    private static int field(TemporalAccessor parsed, ChronoField field, int fallback) {
        return parsed.isSupported(field) ? parsed.get(field) : fallback;
    }

    private long castTimestamp(String text, boolean local) {
        int start = skipSpace(text, 0);
        int stop = trimEnd(text, start);
        int[] end = new int[1];
        LocalDate date = castDate(text, start, stop, end);
        if (date == null) {
            return INVALID;
        }
        int at = end[0];
        int[] time = new int[4];
        if (at < stop) {
            char separator = text.charAt(at);
            if (separator != ' ' && separator != 'T') {
                return INVALID;
            }
            at = castTime(text, at + 1, stop, time);
            if (at < 0 || at == end[0] + 1 && separator == 'T') {
                return INVALID;
            }
        }
        if (local) {
            return skipSpace(text, at) < stop ? INVALID
                    : toMicros(date.atTime(time[0], time[1], time[2], time[3]), ZoneOffset.UTC);
        }
        ZoneId parsedZone = zoneOf(text, at, stop);
        if (parsedZone == null) {
            return INVALID;
        }
        return toMicros(date.atTime(time[0], time[1], time[2], time[3]), parsedZone);
    }

    /**
     * Reads {@code h[h][:m[m][:s[s][.fraction]]]} into hour, minute, second, nanos (fraction cut to microseconds);
     * returns where it stopped (unchanged when there is no time), or -1 for a broken time.
     */
    private static int castTime(String text, int from, int stop, int[] time) {
        int at = from;
        int count = 0;
        while (count < 3) {
            int digits = digits(text, at, stop);
            if (digits < 1 || digits > 2) {
                return count == 0 ? from : -1;
            }
            time[count++] = Integer.parseInt(text, at, at + digits, 10);
            at += digits;
            if (count < 3 && at < stop && text.charAt(at) == ':') {
                at++;
            } else {
                break;
            }
        }
        if (count == 3 && at < stop && text.charAt(at) == '.') {
            int digits = digits(text, at + 1, stop);
            if (digits == 0 || digits > 9) {
                return -1;
            }
            int nanos = Integer.parseInt(text, at + 1, at + 1 + digits, 10);
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
            time[3] = nanos - nanos % 1000;
            at += 1 + digits;
        }
        return at;
    }

    private ZoneId zoneOf(String text, int at, int stop) {
        int from = skipSpace(text, at);
        if (from >= stop) {
            return zone;
        }
        String id = text.substring(from, stop);
        if (id.equals("Z")) {
            return ZoneOffset.UTC;
        }
        try {
            return id.charAt(0) == '+' || id.charAt(0) == '-' ? ZoneOffset.of(id) : ZoneId.of(id);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static long toMicros(LocalDateTime local, ZoneId zone) {
        long seconds = local.atZone(zone).toEpochSecond();
        return Math.addExact(Math.multiplyExact(seconds, MICROS_PER_SECOND), local.getNano() / 1000);
    }

    /**
     * The date at the start of {@code text[start, stop)} as Spark's cast reads it: {@code [+-]yyyy[-m[m][-d[d]]]}
     * with a 4 to 7 digit year; {@code end[0]} is set to where the date stops. Null when it is no date.
     */
    private static LocalDate castDate(String text, int start, int stop, int[] end) {
        int at = start;
        int sign = 1;
        if (at < stop && (text.charAt(at) == '-' || text.charAt(at) == '+')) {
            sign = text.charAt(at) == '-' ? -1 : 1;
            at++;
        }
        int digits = digits(text, at, stop);
        if (digits < 4 || digits > 7) {
            return null;
        }
        int year = sign * Integer.parseInt(text, at, at + digits, 10);
        at += digits;
        int month = 1;
        int day = 1;
        if (at < stop && text.charAt(at) == '-') {
            digits = digits(text, at + 1, stop);
            if (digits < 1 || digits > 2) {
                return null;
            }
            month = Integer.parseInt(text, at + 1, at + 1 + digits, 10);
            at += 1 + digits;
            if (at < stop && text.charAt(at) == '-') {
                digits = digits(text, at + 1, stop);
                if (digits < 1 || digits > 2) {
                    return null;
                }
                day = Integer.parseInt(text, at + 1, at + 1 + digits, 10);
                at += 1 + digits;
            }
        }
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        try {
            end[0] = at;
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String text, int from, int stop) {
        int at = from;
        while (at < stop && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return at - from;
    }

    // Spark trims whitespace and control characters (code points up to ' ') around cast input.
    private static int skipSpace(String text, int from) {
        int at = from;
        while (at < text.length() && text.charAt(at) <= ' ') {
            at++;
        }
        return at;
    }

    private static int trimEnd(String text, int start) {
        int stop = text.length();
        while (stop > start && text.charAt(stop - 1) <= ' ') {
            stop--;
        }
        return stop;
    }
}
