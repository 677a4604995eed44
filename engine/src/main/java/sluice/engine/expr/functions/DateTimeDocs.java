package sluice.engine.expr.functions;

import java.util.List;

/** The date and time functions (Spark's datetime_funcs). */
final class DateTimeDocs {
    private DateTimeDocs() {
    }

    static List<SqlFunction> all() {
        return new Docs(FunctionGroup.DATETIME)
                .add("current_timestamp now", "current_timestamp(); now()",
                        "The time the micro-batch started, the same for every row of it",
                        "current_timestamp() IS NOT NULL", "true")
                .add("current_date curdate", "current_date()",
                        "The day the micro-batch started, in the session time zone",
                        "current_date() IS NOT NULL", "true")
                .add("year", "year(date)", "The year", "year(DATE '2024-02-29')", "2024")
                .add("quarter", "quarter(date)", "The quarter of the year, 1 to 4", "quarter(DATE '2024-05-01')",
                        "2")
                .add("month", "month(date)", "The month, 1 to 12", "month(DATE '2024-02-29')", "2")
                .add("day dayofmonth", "day(date)", "The day of the month", "day(DATE '2024-02-29')", "29")
                .add("dayofweek", "dayofweek(date)", "The day of the week, 1 for Sunday to 7 for Saturday",
                        "dayofweek(DATE '2024-02-29')", "5")
                .add("dayofyear", "dayofyear(date)", "The day of the year, from 1", "dayofyear(DATE '2024-12-31')",
                        "366")
                .add("hour", "hour(timestamp)", "The hour, 0 to 23, in the session time zone",
                        "hour(TIMESTAMP '2024-01-02 13:04:05')", "13")
                .add("minute", "minute(timestamp)", "The minute, 0 to 59", "minute(TIMESTAMP '2024-01-02 13:04:05')",
                        "4")
                .add("second", "second(timestamp)", "The second, 0 to 59",
                        "second(TIMESTAMP '2024-01-02 13:04:05')", "5")
                .add("datediff date_diff", "datediff(endDate, startDate)",
                        "The number of days from startDate to endDate",
                        "datediff(DATE '2024-03-01', DATE '2024-02-01')", "29")
                .add("date_add dateadd", "date_add(start_date, num_days)", "The date num_days after start_date",
                        "date_add(DATE '2024-02-28', 2)", "2024-03-01")
                .add("date_sub", "date_sub(start_date, num_days)", "The date num_days before start_date",
                        "date_sub(DATE '2024-03-01', 1)", "2024-02-29")
                .add("date_format", "date_format(timestamp, fmt)", "The timestamp as text in a datetime pattern",
                        "date_format(TIMESTAMP '2024-01-02 13:04:05', 'dd.MM.yyyy HH:mm')", "02.01.2024 13:04")
                .add("to_date", "to_date(date_str[, fmt])",
                        "The date read from text, with a datetime pattern if given; unreadable text is an error",
                        "to_date('02/01/2024', 'dd/MM/yyyy')", "2024-01-02")
                .add("to_timestamp", "to_timestamp(timestamp_str[, fmt])",
                        "The timestamp read from text, with a datetime pattern if given; unreadable text is an error",
                        "to_timestamp('2024-01-02 03:04', 'yyyy-MM-dd HH:mm')", "2024-01-02 03:04:00")
                .add("try_to_date", "try_to_date(date_str[, fmt])", "to_date, or NULL for text it cannot read",
                        "try_to_date('2024-13-01')", "NULL")
                .add("try_to_timestamp", "try_to_timestamp(timestamp_str[, fmt])",
                        "to_timestamp, or NULL for text it cannot read", "try_to_timestamp('noon')", "NULL")
                .add("unix_timestamp", "unix_timestamp([timeExp[, fmt]])",
                        "The seconds since 1970-01-01 00:00:00 UTC of a timestamp, a date, or text read by the "
                        + "datetime pattern fmt (yyyy-MM-dd HH:mm:ss if none; text it cannot read is an error); of "
                        + "the current time without arguments",
                        "unix_timestamp('2016-04-08', 'yyyy-MM-dd')", "1460073600")
                .add("to_unix_timestamp", "to_unix_timestamp(timeExp[, fmt])",
                        "unix_timestamp of a timestamp, a date or text read by the pattern fmt",
                        "to_unix_timestamp(TIMESTAMP '1970-01-01 00:01:00')", "60")
                .add("date_trunc", "date_trunc(fmt, ts)",
                        "The timestamp cut down to the start of its YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, "
                        + "SECOND or MILLISECOND in the session time zone; NULL for another unit",
                        "date_trunc('MM', TIMESTAMP '2024-05-17 13:04:05')", "2024-05-01 00:00:00")
                .add("trunc", "trunc(date, fmt)",
                        "The first day of the date's YEAR, QUARTER, MONTH or WEEK (a Monday); NULL for another unit",
                        "trunc(DATE '2024-05-17', 'YEAR')", "2024-01-01")
                .add("last_day", "last_day(date)", "The last day of the date's month", "last_day(DATE '2024-02-10')",
                        "2024-02-29")
                .add("add_months", "add_months(start_date, num_months)",
                        "The date num_months later, on the month's last day when it has fewer days",
                        "add_months(DATE '2024-01-31', 1)", "2024-02-29")
                .add("months_between", "months_between(timestamp1, timestamp2[, roundOff])",
                        "The months from timestamp2 to timestamp1, whole when the days of month match or both are "
                        + "month ends, else counting 31 days a month; rounded to 8 digits unless roundOff is false",
                        "months_between(TIMESTAMP '1997-02-28 10:30:00', TIMESTAMP '1996-10-30')", "3.94959677")
                .add("next_day", "next_day(start_date, day_of_week)",
                        "The first date after start_date that falls on day_of_week (MO, MON or MONDAY ...); another "
                        + "name is an error", "next_day(DATE '2024-02-29', 'MON')", "2024-03-04")
                .add("make_date", "make_date(year, month, day)",
                        "The date of these fields; a field out of range is an error", "make_date(2024, 2, 29)",
                        "2024-02-29")
                .add("timestamp_seconds", "timestamp_seconds(seconds)",
                        "The timestamp this many seconds (may be fractional) after 1970-01-01 00:00:00 UTC",
                        "timestamp_seconds(1230219000)", "2008-12-25 15:30:00")
                .add("timestamp_millis", "timestamp_millis(milliseconds)",
                        "The timestamp this many milliseconds after 1970-01-01 00:00:00 UTC",
                        "timestamp_millis(1230219000123)", "2008-12-25 15:30:00.123")
                .add("timestamp_micros", "timestamp_micros(microseconds)",
                        "The timestamp this many microseconds after 1970-01-01 00:00:00 UTC",
                        "timestamp_micros(1230219000123123)", "2008-12-25 15:30:00.123123")
                .add("unix_seconds", "unix_seconds(timestamp)",
                        "The whole seconds since 1970-01-01 00:00:00 UTC, rounded down",
                        "unix_seconds(TIMESTAMP '1970-01-01 00:00:01.9')", "1")
                .add("unix_millis", "unix_millis(timestamp)",
                        "The whole milliseconds since 1970-01-01 00:00:00 UTC, rounded down",
                        "unix_millis(TIMESTAMP '1970-01-01 00:00:01')", "1000")
                .add("unix_micros", "unix_micros(timestamp)", "The microseconds since 1970-01-01 00:00:00 UTC",
                        "unix_micros(TIMESTAMP '1970-01-01 00:00:01')", "1000000")
                .add("unix_date", "unix_date(date)", "The days since 1970-01-01", "unix_date(DATE '1970-01-02')",
                        "1")
                .add("date_from_unix_date", "date_from_unix_date(days)", "The date this many days after 1970-01-01",
                        "date_from_unix_date(1)", "1970-01-02")
                .add("dayname", "dayname(date)", "The day of the week in three letters, Mon to Sun",
                        "dayname(DATE '2024-02-29')", "Thu")
                .add("monthname", "monthname(date)", "The month in three letters, Jan to Dec",
                        "monthname(DATE '2024-02-29')", "Feb")
                .add("weekday", "weekday(date)", "The day of the week, 0 for Monday to 6 for Sunday",
                        "weekday(DATE '2024-02-29')", "3")
                .add("weekofyear", "weekofyear(date)",
                        "The ISO week of the year, 1 to 53: weeks start on Monday, "
                                + "week 1 has the year's first Thursday",
                        "weekofyear(DATE '2024-02-29')", "9")
                .add("from_unixtime", "from_unixtime(unix_time[, fmt])",
                        "The time unix_time seconds after 1970-01-01 00:00:00 UTC as text in the session time zone, "
                        + "in a datetime pattern (yyyy-MM-dd HH:mm:ss if none)",
                        "from_unixtime(0, 'yyyy-MM-dd HH:mm')", "1970-01-01 00:00")
                .add("make_timestamp", "make_timestamp(year, month, day, hour, min, sec[, timezone])",
                        "The timestamp of these fields (sec with up to 6 decimals; 60 is the next minute) as a local "
                        + "time in timezone or the session time zone; a field out of range is an error",
                        "make_timestamp(2014, 12, 28, 6, 30, 45.887)", "2014-12-28 06:30:45.887")
                .add("try_make_timestamp", "try_make_timestamp(year, month, day, hour, min, sec[, timezone])",
                        "make_timestamp, or NULL for fields out of range", "try_make_timestamp(2024, 2, 30, 0, 0, 0)",
                        "NULL")
                .add("date_part datepart", "date_part(field, source)",
                        "The part field (a text constant) of a date or timestamp: YEAR, YEAROFWEEK, QUARTER, MONTH, "
                        + "WEEK, DAY, DAYOFWEEK, DAYOFWEEK_ISO, DOY, HOUR, MINUTE, or SECOND with its fraction",
                        "date_part('SECONDS', TIMESTAMP '2019-10-01 00:00:01.000001')", "1.000001")
                .add("extract", "extract(field FROM source); extract(field, source)",
                        "date_part, written with the field as a word (YEAR, doy, SECONDS ...) before FROM",
                        "extract(doy FROM DATE '2019-08-12')", "224")
                .add("from_utc_timestamp", "from_utc_timestamp(timestamp, timezone)",
                        "The timestamp read as a time in UTC and shown as the same wall-clock time in timezone",
                        "from_utc_timestamp(TIMESTAMP '2016-08-31 00:00:00', 'Asia/Seoul')", "2016-08-31 09:00:00")
                .add("to_utc_timestamp", "to_utc_timestamp(timestamp, timezone)",
                        "The timestamp read as a time in timezone and shown as the same wall-clock time in UTC",
                        "to_utc_timestamp(TIMESTAMP '2016-08-31 09:00:00', 'Asia/Seoul')", "2016-08-31 00:00:00")
                .add("current_timezone", "current_timezone()", "The session time zone",
                        "current_timezone() IS NOT NULL", "true")
                .add("localtimestamp", "localtimestamp()",
                        "The time the micro-batch started as a TIMESTAMP_NTZ: its wall clock in the session time zone",
                        "localtimestamp() IS NOT NULL", "true")
                .add("to_timestamp_ntz", "to_timestamp_ntz(timestamp_str[, fmt])",
                        "The TIMESTAMP_NTZ read from text, with a datetime pattern if given (a zone it reads is "
                        + "dropped), or cast from a date or timestamp; unreadable text is an error",
                        "to_timestamp_ntz('2016-12-31 00:12:00 +01:00', 'yyyy-MM-dd HH:mm:ss XXX')",
                        "2016-12-31 00:12:00")
                .add("to_timestamp_ltz", "to_timestamp_ltz(timestamp_str[, fmt])",
                        "to_timestamp: a TIMESTAMP (with the session time zone) read from text",
                        "to_timestamp_ltz('2016-12-31', 'yyyy-MM-dd')", "2016-12-31 00:00:00")
                .add("make_timestamp_ntz", "make_timestamp_ntz(year, month, day, hour, min, sec)",
                        "The TIMESTAMP_NTZ of the fields, seconds with a fraction (60 is the next minute); fields out "
                        + "of range are an error",
                        "make_timestamp_ntz(2024, 2, 29, 12, 30, 45.887)", "2024-02-29 12:30:45.887")
                .add("make_timestamp_ltz", "make_timestamp_ltz(year, month, day, hour, min, sec[, timezone])",
                        "make_timestamp: the TIMESTAMP of the fields read in timezone or the session time zone",
                        "make_timestamp_ltz(2014, 12, 28, 6, 30, 45.887, 'UTC')", "2014-12-28 06:30:45.887")
                .add("try_make_timestamp_ntz", "try_make_timestamp_ntz(year, month, day, hour, min, sec)",
                        "make_timestamp_ntz, or NULL for fields out of range",
                        "try_make_timestamp_ntz(2023, 2, 29, 0, 0, 0)", "NULL")
                .add("try_make_timestamp_ltz", "try_make_timestamp_ltz(year, month, day, hour, min, sec[, timezone])",
                        "make_timestamp_ltz, or NULL for fields out of range",
                        "try_make_timestamp_ltz(2024, 13, 1, 0, 0, 0)", "NULL")
                .add("make_ym_interval", "make_ym_interval([years[, months]])",
                        "The year-month interval (INTERVAL YEAR TO MONTH) of years and months, each 0 if not given; "
                        + "past an int of months it is an error",
                        "make_ym_interval(1, 2)", "INTERVAL '1-2' YEAR TO MONTH")
                .add("make_dt_interval", "make_dt_interval([days[, hours[, mins[, secs]]]])",
                        "The day-time interval (INTERVAL DAY TO SECOND) of days, hours, minutes and seconds with a "
                        + "fraction, each 0 if not given; past a long of microseconds it is an error",
                        "make_dt_interval(1, 12, 30, 1.001001)", "INTERVAL '1 12:30:01.001001' DAY TO SECOND")
                .add("convert_timezone", "convert_timezone([sourceTz, ]targetTz, sourceTs)",
                        "The wall clock sourceTs (a TIMESTAMP_NTZ) read in sourceTz (the session time zone if not "
                        + "given) and shown in targetTz",
                        "convert_timezone('Europe/Brussels', 'America/Los_Angeles', "
                        + "TIMESTAMP_NTZ '2021-12-06 00:00:00')", "2021-12-05 15:00:00")
                .overWindow("window_time", "window_time(window_column)",
                        "The event time of a time or session window, its end less one microsecond (the last instant "
                        + "inside it); window_column is the window key of an aggregation, here the window "
                        + "[2024-01-01 00:00, 00:05)", "window_time(window)", "2024-01-01 00:04:59.999999")
                .functions();
    }
}
