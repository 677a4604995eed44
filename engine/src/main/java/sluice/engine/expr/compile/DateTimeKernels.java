package sluice.engine.expr.compile;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Pattern;
import sluice.engine.diag.ErrorCode;

/**
 * The date and time functions typed by DateTimeFunctions, over stored days and microseconds, as Spark's
 * DateTimeUtils computes them in the session time zone. Stateless.
 */
final class DateTimeKernels {
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final long MICROS_PER_MILLI = 1_000L;
    private static final long SECONDS_PER_DAY = 86_400L;

    private DateTimeKernels() {
    }

    static Kernel of(String name) {
        return switch (name) {
            case "date_trunc" -> (a, e) -> truncTimestamp((String) a[0], (Long) a[1], e.zone());
            case "trunc" -> {
                // The unit is most often a literal: upper-cased once, not once per row.
                Memo<String, String> units = new Memo<>(unit -> unit.toUpperCase(Locale.ROOT));
                yield (a, e) -> truncDate((Long) a[0], units.get((String) a[1]));
            }
            case "last_day" -> (a, e) -> date(a[0]).with(TemporalAdjusters.lastDayOfMonth()).toEpochDay();
            case "add_months" -> (a, e) -> date(a[0]).plusMonths((Long) a[1]).toEpochDay();
            case "months_between" -> (a, e) -> monthsBetween((Long) a[0], (Long) a[1], (Boolean) a[2], e.zone());
            case "next_day" -> (a, e) -> nextDay((Long) a[0], (String) a[1]);
            case "make_date" -> (a, e) -> makeDate((Long) a[0], (Long) a[1], (Long) a[2]);
            case "timestamp_seconds" -> (a, e) -> secondsToMicros(a[0]);
            case "timestamp_millis" -> (a, e) -> scaleUp((Long) a[0], MICROS_PER_MILLI);
            case "timestamp_micros", "unix_micros", "unix_date", "date_from_unix_date" -> (a, e) -> a[0];
            case "unix_seconds" -> (a, e) -> Math.floorDiv((Long) a[0], MICROS_PER_SECOND);
            case "unix_millis" -> (a, e) -> Math.floorDiv((Long) a[0], MICROS_PER_MILLI);
            case "dayname" -> (a, e) -> date(a[0]).getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US);
            case "monthname" -> (a, e) -> date(a[0]).getMonth().getDisplayName(TextStyle.SHORT, Locale.US);
            // Spark's weekday: 0 = Monday ... 6 = Sunday.
            case "weekday" -> (a, e) -> (long) date(a[0]).getDayOfWeek().getValue() - 1;
            case "weekofyear" -> (a, e) -> (long) date(a[0]).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            // Sluice holds the zone UTC as the offset Z; Spark's session time zone reads UTC.
            case "from_unixtime" -> {
                Memo<String, DateTimeFormatter> formatters = new Memo<>(DateTimePatterns::formatter);
                // Spark multiplies the seconds without an overflow check, as here.
                yield (a, e) -> formatters.get((String) a[1]).format(zoned((Long) a[0] * MICROS_PER_SECOND, e.zone()));
            }
            case "make_timestamp", "make_timestamp_ltz" -> (a, e) -> makeTimestamp(a, e.zone());
            case "try_make_timestamp", "try_make_timestamp_ltz" -> (a, e) -> orNull(a, e.zone());
            // A wall clock is the local time read in UTC, the zone its stored form counts in.
            case "make_timestamp_ntz" -> (a, e) -> makeTimestamp(a, ZoneOffset.UTC);
            case "try_make_timestamp_ntz" -> (a, e) -> orNull(a, ZoneOffset.UTC);
            case "localtimestamp" -> (a, e) -> micros(zoned(e.nowMicros(), e.zone()).toLocalDateTime()
                    .atZone(ZoneOffset.UTC));
            // Spark's date_add of the interval's whole days (an int), without an overflow check, as Spark's DateAdd.
            case "date_add_day_interval" -> (a, e) -> (long) (((Long) a[0]).intValue()
                    + (int) ((Long) a[1] / MICROS_PER_DAY));
            case "date_sub_day_interval" -> (a, e) -> (long) (((Long) a[0]).intValue()
                    - (int) ((Long) a[1] / MICROS_PER_DAY));
            case "date_add_ym_interval" -> (a, e) -> date(a[0]).plusMonths((Long) a[1]).toEpochDay();
            case "timestamp_add_ym_interval" -> (a, e) -> micros(zoned((Long) a[0], e.zone()).toLocalDateTime()
                    .plusMonths((Long) a[1]).atZone(e.zone()));
            case "make_ym_interval" -> (a, e) -> yearMonthInterval((Long) a[0], (Long) a[1]);
            case "make_dt_interval" -> (a, e) -> dayTimeInterval(a);
            case "convert_timezone" -> (a, e) -> micros(sluice.engine.types.LocalTimestamps.of((Long) a[2])
                    .atZone(zoneId((String) a[0])).withZoneSameInstant(zoneId((String) a[1])).toLocalDateTime()
                    .atZone(ZoneOffset.UTC));
            case "from_utc_timestamp" -> (a, e) -> convertZone((Long) a[0], ZoneOffset.UTC, zoneId((String) a[1]));
            case "to_utc_timestamp" -> (a, e) -> convertZone((Long) a[0], zoneId((String) a[1]), ZoneOffset.UTC);
            case "yearofweek" -> (a, e) -> (long) date(a[0]).get(IsoFields.WEEK_BASED_YEAR);
            case "dayofweek_iso" -> (a, e) -> (long) date(a[0]).getDayOfWeek().getValue();
            case "second_fraction" -> (a, e) -> {
                ZonedDateTime time = zoned((Long) a[0], e.zone());
                return BigDecimal.valueOf(time.getSecond() * MICROS_PER_SECOND + time.getNano() / 1000, 6);
            };
            case "current_timezone" -> (a, e) -> e.zone().equals(ZoneOffset.UTC) ? "UTC" : e.zone().getId();
            default -> null;
        };
    }

    private static LocalDate date(Object days) {
        return LocalDate.ofEpochDay((Long) days);
    }

    private static ZonedDateTime zoned(long micros, ZoneId zone) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
                Math.floorMod(micros, MICROS_PER_SECOND) * 1000).atZone(zone);
    }

    private static long micros(ZonedDateTime time) {
        Instant instant = time.toInstant();
        return instant.getEpochSecond() * MICROS_PER_SECOND + instant.getNano() / 1000;
    }

    /** Spark's trunc: YEAR, QUARTER, MONTH or WEEK (the unit upper-cased); any other unit (DAY too) gives null. */
    private static Long truncDate(long days, String upperUnit) {
        LocalDate date = LocalDate.ofEpochDay(days);
        LocalDate truncated = switch (upperUnit) {
            case "WEEK" -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "MON", "MONTH", "MM" -> date.withDayOfMonth(1);
            case "QUARTER" -> date.with(IsoFields.DAY_OF_QUARTER, 1L);
            case "YEAR", "YYYY", "YY" -> date.withDayOfYear(1);
            default -> null;
        };
        return truncated == null ? null : truncated.toEpochDay();
    }

    /** Spark's date_trunc: the date units at midnight in the session zone, or a time unit; null for others. */
    private static Long truncTimestamp(String unit, long micros, ZoneId zone) {
        String upper = unit.toUpperCase(Locale.ROOT);
        ChronoUnit timeUnit = switch (upper) {
            case "MICROSECOND" -> ChronoUnit.MICROS;
            case "MILLISECOND" -> ChronoUnit.MILLIS;
            case "SECOND" -> ChronoUnit.SECONDS;
            case "MINUTE" -> ChronoUnit.MINUTES;
            case "HOUR" -> ChronoUnit.HOURS;
            case "DAY", "DD" -> ChronoUnit.DAYS;
            default -> null;
        };
        ZonedDateTime time = zoned(micros, zone);
        if (timeUnit != null) {
            return micros(time.truncatedTo(timeUnit));
        }
        Long day = truncDate(time.toLocalDate().toEpochDay(), upper);
        return day == null ? null : micros(LocalDate.ofEpochDay(day).atStartOfDay(zone));
    }

    /** Spark's monthsBetween: whole months when the days of month match or both are month ends, else by 31 days. */
    private static double monthsBetween(long micros1, long micros2, boolean roundOff, ZoneId zone) {
        ZonedDateTime time1 = zoned(micros1, zone);
        ZonedDateTime time2 = zoned(micros2, zone);
        LocalDate date1 = time1.toLocalDate();
        LocalDate date2 = time2.toLocalDate();
        double monthDiff = (date1.getYear() * 12 + date1.getMonthValue()) - (date2.getYear() * 12
                + date2.getMonthValue());
        boolean bothMonthEnds = date1.getDayOfMonth() == date1.lengthOfMonth()
                && date2.getDayOfMonth() == date2.lengthOfMonth();
        if (date1.getDayOfMonth() == date2.getDayOfMonth() || bothMonthEnds) {
            return monthDiff;
        }
        // Whole seconds into each day, as Spark (after Hive) counts them.
        long seconds1 = (micros1 - micros(date1.atStartOfDay(zone))) / MICROS_PER_SECOND;
        long seconds2 = (micros2 - micros(date2.atStartOfDay(zone))) / MICROS_PER_SECOND;
        long secondsDiff = (date1.getDayOfMonth() - date2.getDayOfMonth()) * SECONDS_PER_DAY + seconds1 - seconds2;
        double diff = monthDiff + secondsDiff / (double) (31 * SECONDS_PER_DAY);
        return roundOff ? Math.round(diff * 1e8) / 1e8 : diff;
    }

    private static long nextDay(long days, String dayName) {
        DayOfWeek day = switch (dayName.toUpperCase(Locale.ROOT)) {
            case "SU", "SUN", "SUNDAY" -> DayOfWeek.SUNDAY;
            case "MO", "MON", "MONDAY" -> DayOfWeek.MONDAY;
            case "TU", "TUE", "TUESDAY" -> DayOfWeek.TUESDAY;
            case "WE", "WED", "WEDNESDAY" -> DayOfWeek.WEDNESDAY;
            case "TH", "THU", "THURSDAY" -> DayOfWeek.THURSDAY;
            case "FR", "FRI", "FRIDAY" -> DayOfWeek.FRIDAY;
            case "SA", "SAT", "SATURDAY" -> DayOfWeek.SATURDAY;
            // Spark 4 ANSI fails on a name it does not know.
            default -> throw RowFailure.invalidArgument("[ILLEGAL_DAY_OF_WEEK] Illegal input for day of week: "
                    + dayName + ".");
        };
        return LocalDate.ofEpochDay(days).with(TemporalAdjusters.next(day)).toEpochDay();
    }

    /**
     * Spark's MakeTimestamp: the seconds as microseconds held in an int (as Spark holds them), 60 seconds only as the
     * next minute, the fields as a local time in the zone argument or the session zone.
     */
    private static long makeTimestamp(Object[] a, ZoneId sessionZone) {
        BigDecimal seconds = (BigDecimal) a[5];
        int totalMicros = (int) seconds.setScale(6).unscaledValue().longValue();
        int whole = Math.floorDiv(totalMicros, (int) MICROS_PER_SECOND);
        int nanos = Math.floorMod(totalMicros, (int) MICROS_PER_SECOND) * 1000;
        ZoneId zone = a.length > 6 ? zoneId((String) a[6]) : sessionZone;
        try {
            LocalDateTime local;
            if (whole == 60) {
                if (nanos != 0) {
                    throw RowFailure.invalidArgument("[INVALID_FRACTION_OF_SECOND] Valid range for seconds is [0, 60] "
                            + "(inclusive), but the provided value is " + seconds.doubleValue() + ". To avoid this "
                            + "error, use `try_make_timestamp`, which returns NULL on error.");
                }
                local = LocalDateTime.of(field(a[0]), field(a[1]), field(a[2]), field(a[3]), field(a[4]), 0)
                        .plusMinutes(1);
            } else {
                local = LocalDateTime.of(field(a[0]), field(a[1]), field(a[2]), field(a[3]), field(a[4]), whole,
                        nanos);
            }
            return micros(local.atZone(zone));
        } catch (DateTimeException e) {
            throw outOfBounds(e);
        }
    }

    /** Spark's make_ym_interval: years and months in an int of months, whose overflow is an error. */
    private static long yearMonthInterval(long years, long months) {
        try {
            return Math.addExact(Math.multiplyExact((int) years, 12), (int) months);
        } catch (ArithmeticException e) {
            throw RowFailure.intervalOverflow();
        }
    }

    /** Spark's makeDayTimeInterval: the parts in microseconds, exact; past a long it is an error. */
    private static long dayTimeInterval(Object[] a) {
        try {
            long micros = ((BigDecimal) a[3]).setScale(6).unscaledValue().longValueExact();
            micros = Math.addExact(micros, Math.multiplyExact((Long) a[2], 60 * MICROS_PER_SECOND));
            micros = Math.addExact(micros, Math.multiplyExact((Long) a[1], 3600 * MICROS_PER_SECOND));
            return Math.addExact(micros, Math.multiplyExact((Long) a[0], SECONDS_PER_DAY * MICROS_PER_SECOND));
        } catch (ArithmeticException e) {
            throw RowFailure.intervalOverflow();
        }
    }

    private static Long orNull(Object[] a, ZoneId zone) {
        try {
            return makeTimestamp(a, zone);
        } catch (RowFailure failure) {
            return null;
        }
    }

    private static int field(Object value) {
        return ((Long) value).intValue();
    }

    private static RowFailure outOfBounds(DateTimeException e) {
        return new RowFailure(ErrorCode.INVALID_ARGUMENT_VALUE, "[DATETIME_FIELD_OUT_OF_BOUNDS.WITH_SUGGESTION] "
                + e.getMessage() + ". If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this "
                + "error.");
    }

    /** Spark's convertTz: the local time of the instant in {@code to}, read back as a local time in {@code from}. */
    private static long convertZone(long micros, ZoneId from, ZoneId to) {
        return micros(zoned(micros, to).toLocalDateTime().atZone(from));
    }

    private static final Pattern SINGLE_HOUR = Pattern.compile("(\\+|\\-)(\\d):");
    private static final Pattern SINGLE_MINUTE = Pattern.compile("(\\+|\\-)(\\d\\d):(\\d)$");

    /** Spark's getZoneId: a region or offset, also the old forms +h:mm and +hh:m and the short ids (PST). */
    static ZoneId zoneId(String id) {
        try {
            String formatted = SINGLE_HOUR.matcher(id).replaceFirst("$10$2:");
            formatted = SINGLE_MINUTE.matcher(formatted).replaceFirst("$1$2:0$3");
            return ZoneId.of(formatted, ZoneId.SHORT_IDS);
        } catch (DateTimeException e) {
            throw RowFailure.invalidArgument("[INVALID_TIMEZONE] The timezone: " + id + " is invalid. The timezone "
                    + "must be either a region-based zone ID or a zone offset. Region IDs must have the form "
                    + "'area/city', such as 'America/Los_Angeles'. Zone offsets must be in the format '(+|-)HH', "
                    + "'(+|-)HH:mm\u2019 or '(+|-)HH:mm:ss', e.g '-08' , '+01:00' or '-13:33:33', and must be in the "
                    + "range from -18:00 to +18:00. 'Z' and 'UTC' are accepted as synonyms for '+00:00'.");
        }
    }

    private static long makeDate(long year, long month, long day) {
        try {
            return LocalDate.of((int) year, (int) month, (int) day).toEpochDay();
        } catch (DateTimeException e) {
            throw new RowFailure(ErrorCode.INVALID_ARGUMENT_VALUE, "[DATETIME_FIELD_OUT_OF_BOUNDS.WITH_SUGGESTION] "
                    + e.getMessage() + ". If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this "
                    + "error.");
        }
    }

    private static Long secondsToMicros(Object seconds) {
        if (seconds instanceof Long whole) {
            return scaleUp(whole, MICROS_PER_SECOND);
        }
        if (seconds instanceof BigDecimal decimal) {
            try {
                return decimal.multiply(BigDecimal.valueOf(MICROS_PER_SECOND)).longValueExact();
            } catch (ArithmeticException e) {
                throw RowFailure.overflow("long", null);
            }
        }
        double value = ((Number) seconds).doubleValue();
        return Double.isNaN(value) || Double.isInfinite(value) ? null : (long) (value * MICROS_PER_SECOND);
    }

    private static long scaleUp(long value, long factor) {
        try {
            return Math.multiplyExact(value, factor);
        } catch (ArithmeticException e) {
            throw RowFailure.overflow("long", null);
        }
    }
}
