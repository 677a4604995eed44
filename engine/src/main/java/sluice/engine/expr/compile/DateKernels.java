package sluice.engine.expr.compile;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAccessor;

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
            case "datediff" -> (a, e) -> (long) (((Long) a[0]).intValue() - ((Long) a[1]).intValue());
            // Spark adds days in INT arithmetic, which wraps: 1900-03-01 minus 2^31 days lands in the year 5881580.
            case "date_add" -> (a, e) -> (long) (((Long) a[0]).intValue() + ((Long) a[1]).intValue());
            case "date_sub" -> (a, e) -> (long) (((Long) a[0]).intValue() - ((Long) a[1]).intValue());
            // Spark divides toward zero here (unlike CAST to BIGINT, which rounds down): 1969-12-31 23:59:59.5 is 0.
            case "unix_timestamp" -> (a, e) -> (Long) a[0] / 1_000_000L;
            case "date_format" -> {
                Memo<String, DateTimeFormatter> formatters = new Memo<>(DateTimePatterns::formatter);
                // A zoned value, so offset and zone letters (XXX, z) print the session zone as Spark does.
                yield (a, e) -> formatters.get((String) a[1]).format(local(a[0], e.zone()).atZone(e.zone()));
            }
            case "to_date", "to_timestamp", "try_to_date", "try_to_timestamp", "to_timestamp_ltz" -> {
                Memo<String, DateTimeFormatter> formatters = new Memo<>(DateTimePatterns::formatter);
                boolean dateOnly = name.endsWith("to_date");
                // The try_ forms return null for text the pattern cannot read; the others fail naming them.
                String tryName = name.startsWith("try_") ? null : dateOnly ? "try_to_date" : "try_to_timestamp";
                yield (a, e) -> parse((String) a[0], formatters.get((String) a[1]), e.zone(), dateOnly, tryName);
            }
            case "to_timestamp_ntz" -> {
                Memo<String, DateTimeFormatter> formatters = new Memo<>(DateTimePatterns::formatter);
                // A zone the pattern reads is dropped: the wall clock is what the text says.
                yield (a, e) -> parse((String) a[0], formatters.get((String) a[1]), ZoneOffset.UTC, false,
                        "try_to_timestamp", true);
            }
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
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L),
                Math.floorMod(value, 1_000_000L) * 1000);
        return LocalDateTime.ofInstant(instant, zone);
    }

    /** {@code tryName}: the function to suggest when the text cannot be read, or null to return null instead. */
    private static Object parse(String text, DateTimeFormatter formatter, ZoneId zone, boolean dateOnly,
            String tryName) {
        return parse(text, formatter, zone, dateOnly, tryName, false);
    }

    private static Object parse(String text, DateTimeFormatter formatter, ZoneId zone, boolean dateOnly,
            String tryName, boolean wallClock) {
        TemporalAccessor parsed;
        LocalDateTime local;
        try {
            parsed = formatter.parse(text);
            local = DateTimePatterns.toLocal(parsed);
        } catch (DateTimeException e) {
            // Spark 4 ANSI: to_date and to_timestamp fail on text the pattern cannot read; their try_ forms give null.
            if (tryName == null) {
                return null;
            }
            throw RowFailure.cannotParseTimestamp(e.getMessage(), tryName);
        }
        if (dateOnly) {
            return local.toLocalDate().toEpochDay();
        } else if (wallClock) {
            return sluice.engine.types.LocalTimestamps.micros(local);
        }
        ZoneId effective = parsed.query(java.time.temporal.TemporalQueries.zone());
        Instant instant = local.atZone(effective != null ? effective : zone).toInstant();
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
    }
}
