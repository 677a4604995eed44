package sluice.engine.expr.compile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/** Date and time functions over stored days and microseconds, in the session time zone. Stateless. */
final class DateKernels {
    private DateKernels() {
    }

    static Kernel of(String name) {
        return switch (name) {
            case "year" -> (a, e) -> (long) date(a[0]).getYear();
            case "month" -> (a, e) -> (long) date(a[0]).getMonthValue();
            case "day", "dayofmonth" -> (a, e) -> (long) date(a[0]).getDayOfMonth();
            // Spark's dayofweek: 1 = Sunday ... 7 = Saturday.
            case "dayofweek" -> (a, e) -> (long) (date(a[0]).getDayOfWeek().getValue() % 7 + 1);
            case "dayofyear" -> (a, e) -> (long) date(a[0]).getDayOfYear();
            case "quarter" -> (a, e) -> (long) date(a[0]).get(IsoFields.QUARTER_OF_YEAR);
            case "hour" -> (a, e) -> (long) local(a[0], e.zone()).getHour();
            case "minute" -> (a, e) -> (long) local(a[0], e.zone()).getMinute();
            case "second" -> (a, e) -> (long) local(a[0], e.zone()).getSecond();
            case "datediff" -> (a, e) -> (Long) a[0] - (Long) a[1];
            case "date_add" -> (a, e) -> (Long) a[0] + (Long) a[1];
            case "date_sub" -> (a, e) -> (Long) a[0] - (Long) a[1];
            case "unix_timestamp" -> (a, e) -> Math.floorDiv((Long) a[0], 1_000_000L);
            case "date_format" -> (a, e) -> formatter((String) a[1]).format(local(a[0], e.zone()));
            case "to_date" -> (a, e) -> parse((String) a[0], (String) a[1], e.zone(), true);
            case "to_timestamp" -> (a, e) -> parse((String) a[0], (String) a[1], e.zone(), false);
            case "current_timestamp", "now" -> (a, e) -> e.nowMicros();
            case "current_date" -> (a, e) -> local(e.nowMicros(), e.zone()).toLocalDate().toEpochDay();
            default -> null;
        };
    }

    private static LocalDate date(Object days) {
        return LocalDate.ofEpochDay((Long) days);
    }

    private static LocalDateTime local(Object micros, ZoneId zone) {
        long value = (Long) micros;
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1000);
        return LocalDateTime.ofInstant(instant, zone);
    }

    /** A java.time formatter for a Spark datetime pattern; the two languages agree on the common letters. */
    static DateTimeFormatter formatter(String pattern) {
        try {
            return new DateTimeFormatterBuilder().appendPattern(pattern)
                    .parseDefaulting(ChronoField.MONTH_OF_YEAR, 1)
                    .parseDefaulting(ChronoField.DAY_OF_MONTH, 1)
                    .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
                    .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
                    .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
                    .toFormatter(Locale.US);
        } catch (IllegalArgumentException e) {
            throw RowFailure.invalidArgument("[INVALID_DATETIME_PATTERN] Unrecognized datetime pattern: " + pattern);
        }
    }

    private static Object parse(String text, String pattern, ZoneId zone, boolean dateOnly) {
        TemporalAccessor parsed;
        try {
            parsed = formatter(pattern).parse(text);
        } catch (DateTimeParseException e) {
            throw RowFailure.invalidArgument("[CANNOT_PARSE_TIMESTAMP] " + e.getMessage() + ". Use `try_to_timestamp` "
                    + "to tolerate invalid input string and return NULL instead.");
        }
        LocalDateTime local = LocalDateTime.of(parsed.get(ChronoField.YEAR), parsed.get(ChronoField.MONTH_OF_YEAR),
                parsed.get(ChronoField.DAY_OF_MONTH), parsed.get(ChronoField.HOUR_OF_DAY),
                parsed.get(ChronoField.MINUTE_OF_HOUR), parsed.get(ChronoField.SECOND_OF_MINUTE),
                parsed.isSupported(ChronoField.NANO_OF_SECOND) ? parsed.get(ChronoField.NANO_OF_SECOND) : 0);
        if (dateOnly) {
            return local.toLocalDate().toEpochDay();
        }
        ZoneId effective = parsed.query(java.time.temporal.TemporalQueries.zone());
        Instant instant = local.atZone(effective != null ? effective : zone).toInstant();
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
    }
}
