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
                .add("current_date", "current_date()", "The day the micro-batch started, in the session time zone",
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
                .add("datediff", "datediff(endDate, startDate)", "The number of days from startDate to endDate",
                        "datediff(DATE '2024-03-01', DATE '2024-02-01')", "29")
                .add("date_add", "date_add(start_date, num_days)", "The date num_days after start_date",
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
                .add("unix_timestamp", "unix_timestamp(timestamp)", "The seconds since 1970-01-01 00:00:00 UTC",
                        "unix_timestamp(TIMESTAMP '1970-01-01 00:01:00')", "60")
                .functions();
    }
}
