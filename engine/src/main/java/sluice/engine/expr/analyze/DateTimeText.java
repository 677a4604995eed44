package sluice.engine.expr.analyze;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dates and timestamps the way Spark's {@code CAST(string AS DATE|TIMESTAMP)} does: {@code yyyy[-[m]m[-[d]d]]}
 * and {@code yyyy-[m]m-[d]d[( |T)[h]h:[m]m[:[s]s[.fraction]]][zone]}, surrounding blanks ignored. Stateless.
 */
public final class DateTimeText {
    private static final Pattern DATE = Pattern.compile("([+-]?\\d{4,7})(?:-(\\d{1,2})(?:-(\\d{1,2})(?:[ T].*)?)?)?");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "([+-]?\\d{4,7})(?:-(\\d{1,2})(?:-(\\d{1,2})"
            + "(?:[ T](\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{0,9}))?)?)?)?)?\\s*(Z|UTC|[+-]\\d{1,2}(?::?\\d{2})?"
            + "|[A-Za-z]+/[A-Za-z_]+)?");

    private DateTimeText() {
    }

    /** Days since the epoch, or null when the text is not a date. */
    public static Long parseDate(String text) {
        Matcher m = DATE.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), number(m.group(2), 1), number(m.group(3), 1))
                    .toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * Microseconds since the epoch, or null when the text is not a timestamp; no zone in the text means {@code zone}.
     */
    public static Long parseTimestamp(String text, ZoneId zone) {
        Matcher m = TIMESTAMP.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        try {
            String fraction = m.group(7) == null ? "" : m.group(7);
            int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), number(m.group(2), 1),
                    number(m.group(3), 1), number(m.group(4), 0), number(m.group(5), 0), number(m.group(6), 0), nanos);
            ZoneId effective = m.group(8) == null ? zone : zoneOf(m.group(8));
            java.time.Instant instant = local.atZone(effective).toInstant();
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    /**
     * The stored TIMESTAMP_NTZ (wall-clock microseconds) of the text, or null when it is not a timestamp. A zone in
     * the text is read and dropped, as Spark's cast to TIMESTAMP_NTZ does.
     */
    public static Long parseLocalTimestamp(String text) {
        Matcher m = TIMESTAMP.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        try {
            if (m.group(8) != null) {
                zoneOf(m.group(8));
            }
            String fraction = m.group(7) == null ? "" : m.group(7);
            int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), number(m.group(2), 1),
                    number(m.group(3), 1), number(m.group(4), 0), number(m.group(5), 0), number(m.group(6), 0), nanos);
            return sluice.engine.types.LocalTimestamps.micros(local);
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    private static ZoneId zoneOf(String text) {
        if (text.equals("Z") || text.equals("UTC")) {
            return ZoneOffset.UTC;
        }
        if (text.startsWith("+") || text.startsWith("-")) {
            String digits = text.substring(1).replace(":", "");
            int hours = Integer.parseInt(digits.length() <= 2 ? digits : digits.substring(0, digits.length() - 2));
            int minutes = digits.length() <= 2 ? 0 : Integer.parseInt(digits.substring(digits.length() - 2));
            int sign = text.startsWith("-") ? -1 : 1;
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        }
        return ZoneId.of(text);
    }

    private static int number(String group, int absent) {
        return group == null ? absent : Integer.parseInt(group);
    }
}
