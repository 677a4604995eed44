package sluice.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.engine.expr.ExpressionFixture.compile;
import static sluice.engine.expr.ExpressionFixture.compileProblem;
import static sluice.engine.expr.ExpressionFixture.first;
import static sluice.engine.expr.ExpressionFixture.runProblem;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Problem;
import sluice.engine.types.ColumnVector;

/**
 * Spark datetime patterns, parsing and extraction, against Spark 4's datetime-formatting, date and timestamp golden
 * files and the rules of DateTimeFormatterHelper. ts is 2015-01-02 10:20:30 UTC, the session zone.
 */
class DateTimeTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "yyyy-MM-dd HH:mm:ss | 2015-01-02 10:20:30",
        "yyyy-MM-dd          | 2015-01-02",
        "MMM d, yyyy         | Jan 2, 2015",
        "MMMM                | January",
        "EEEE                | Friday",
        "EEE                 | Fri",
        "hh:mm a             | 10:20 AM",
        "HH:mm:ss.SSS        | 10:20:30.000",
        "XXX                 | Z",
        "yy                  | 15",
        "D                   | 2",
        "'day' d             | day 2",
    })
    void dateFormatConvertsSparkPatterns(String pattern, String expected) {
        assertThat(first("date_format(ts, '" + pattern.replace("'", "''") + "')")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "to_date('2015/03/04', 'yyyy/MM/dd')                    | 2015-03-04",
        "to_date('04.03.2015 10:11', 'dd.MM.yyyy HH:mm')        | 2015-03-04",
        "to_date('2015-03-04')                                  | 2015-03-04",
        "to_timestamp('2015-03-04 05:06', 'yyyy-MM-dd HH:mm')   | 2015-03-04T05:06:00Z",
        "to_timestamp('2015-03-04 05:06:07.123', 'yyyy-MM-dd HH:mm:ss.SSS') | 2015-03-04T05:06:07.123Z",
        "to_timestamp('04 Mar 2015 01:02 PM', 'dd MMM yyyy hh:mm a') | 2015-03-04T13:02:00Z",
        "to_timestamp('2015-03-04T05:06:07+02:00', 'yyyy-MM-dd''T''HH:mm:ssXXX') | 2015-03-04T03:06:07Z",
        "to_date('2015', 'yyyy')                                | 2015-01-01",
    })
    void toDateAndToTimestampParseWithSparkPatterns(String expression, String expected) {
        assertThat(first(expression)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "to_date      | try_to_date",
        "to_timestamp | try_to_timestamp",
    })
    void unparsableTextFailsInAnsiModeNamingTheTryFunction(String function, String tryFunction) {
        Problem problem = runProblem(function + "('x', 'yyyy/MM/dd')");

        assertThat(problem.code()).isEqualTo(ErrorCode.CAST_INVALID_INPUT);
        assertThat(problem.message()).isEqualTo("[CANNOT_PARSE_TIMESTAMP] Text 'x' could not be parsed at index 0. "
                + "Use `" + tryFunction + "` to tolerate invalid input string and return NULL instead.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "yyyy-MM-dd         | -367   | -0001-12-31",
        "yyyy-MM-dd         | -1     | 0000-12-31",
        "y                  | -800000| -2190",
        "yy                 | -800000| 90",
        "G yyyy             | -1     | BC 0001",
        "'yyyy' yyyy        | -1     | yyyy 0000",
        "yyyy-MM-dd         | 3652059| +10000-01-01",
    })
    void patternYearIsProlepticUnlessTheEraIsNamed(String pattern, int days, String expected) {
        String date = "date_add(DATE'0001-01-01', " + days + ")";

        assertThat(first("date_format(" + date + ", '" + pattern.replace("'", "''") + "')")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"-0001-12-31", "0000-01-01", "+10000-01-01"})
    void patternReadsTheYearWithItsSign(String text) {
        assertThat(first("to_date('" + text + "', 'yyyy-MM-dd')")).isEqualTo(text);
    }

    @Test
    void impossibleDateFailsInsteadOfRollingOver() {
        Problem problem = runProblem("to_date('2015-02-30', 'yyyy-MM-dd')");

        assertThat(problem.message()).isEqualTo("[CANNOT_PARSE_TIMESTAMP] Text '2015-02-30' could not be parsed: "
                + "Invalid date 'FEBRUARY 30'. Use `try_to_date` to tolerate invalid input string and return NULL "
                + "instead.");
    }

    @Test
    void weekBasedPatternIsRejectedAsSparkDoes() {
        Problem problem = runProblem("date_format(ts, 'YYYY')");

        assertThat(problem.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT_VALUE);
        assertThat(problem.message()).isEqualTo("[INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_WEEK_BASED_PATTERN] "
                + "You may get a different result due to the upgrading to Spark >= 3.0: All week-based patterns are "
                + "unsupported since Spark 3.0, detected week-based character: Y. Please use the SQL function EXTRACT "
                + "instead.");
    }

    @Test
    void unsupportedLetterIsAnIllegalCharacter() {
        Problem problem = runProblem("date_format(ts, 'yyyy A')");

        assertThat(problem.message()).isEqualTo("[INVALID_DATETIME_PATTERN.ILLEGAL_CHARACTER] Unrecognized datetime "
                + "pattern: yyyy A. Illegal pattern character found in datetime pattern: A. Please provide legal "
                + "character.");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "year('2015-03-04')             | 2015",
        "month('2015-03-04')            | 3",
        "hour('2015-03-04 05:06:07')    | 5",
        "minute(ts)                     | 20",
        "datediff(DATE '2015-03-01', d) | 58",
        "datediff(d, '2015-03-01')      | -58",
        "date_add(d, -3)                | 2014-12-30",
        "d + 1                          | 2015-01-03",
        "d > '2015-01-01'               | true",
        "d = '2015-01-02'               | true",
        "unix_timestamp(ts)             | 1420194030",
    })
    void extractionAndDateArithmeticFollowSpark(String expression, String expected) {
        assertThat(first(expression)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} = {2}")
    @CsvSource(delimiter = '|', value = {
        "unix_timestamp('2016-04-08', 'yyyy-MM-dd')                 | unix_timestamp(2016-04-08, yyyy-MM-dd) "
                + "| 1460073600",
        "to_unix_timestamp('2016-04-08', 'yyyy-MM-dd')              | to_unix_timestamp(2016-04-08, yyyy-MM-dd) "
                + "| 1460073600",
        "unix_timestamp('2016-04-08 10:00:00')                      | unix_timestamp(2016-04-08 10:00:00, "
                + "yyyy-MM-dd HH:mm:ss) | 1460109600",
        "unix_timestamp('08/04/2016 10:11', 'dd/MM/yyyy HH:mm')     | unix_timestamp(08/04/2016 10:11, "
                + "dd/MM/yyyy HH:mm) | 1460110260",
        "unix_timestamp(DATE '2016-04-08', 'yyyy')                  | unix_timestamp(DATE '2016-04-08', yyyy) "
                + "| 1460073600",
        "unix_timestamp('2016-04-08', NULL)                         | unix_timestamp(2016-04-08, NULL) | null",
        "unix_timestamp(NULL, 'yyyy')                               | unix_timestamp(NULL, yyyy) | null",
    })
    void unixTimestampReadsTextByItsPattern(String expression, String name, String expected) {
        assertThat(compile(expression).name()).isEqualTo(name);
        assertThat(first(expression)).isEqualTo(expected);
    }

    @Test
    void unixTimestampStopsOnTextThePatternCannotRead() {
        Problem problem = runProblem("unix_timestamp('2016-04-08 10', 'yyyy-MM-dd')");

        assertThat(problem.code()).isEqualTo(ErrorCode.CAST_INVALID_INPUT);
        assertThat(problem.message()).isEqualTo("[CANNOT_PARSE_TIMESTAMP] Text '2016-04-08 10' could not be parsed, "
                + "unparsed text found at index 10. Use `try_to_timestamp` to tolerate invalid input string and "
                + "return NULL instead.");
    }

    @Test
    void unixTimestampOfTheCurrentTimeIsNamedAsSparkNamesIt() {
        assertThat(compile("unix_timestamp()").name())
                .isEqualTo("unix_timestamp(current_timestamp(), yyyy-MM-dd HH:mm:ss)");
    }

    @Test
    void unixTimestampCastsNothing() {
        Problem problem = compileProblem("unix_timestamp(i, 'yyyy')");

        assertThat(problem.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(problem.message()).isEqualTo("[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] unix_timestamp requires a "
                + "STRING, DATE, TIMESTAMP or TIMESTAMP_NTZ but 'i' has type INT");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // 02:30 does not exist in New York on 2024-03-10: the wall clock moves forward an hour, as java.time and
        // Spark's convertTz do.
        "CAST(CAST(TIMESTAMP_NTZ '2024-03-10 02:30:00' AS TIMESTAMP) AS STRING)       | 2024-03-10 03:30:00",
        "CAST(CAST(TIMESTAMP '2024-11-03 05:30:00+00:00' AS TIMESTAMP_NTZ) AS STRING) | 2024-11-03 01:30:00",
        "CAST(hour(TIMESTAMP_NTZ '2024-03-10 02:30:00') AS STRING)                    | 2",
        "CAST(hour(CAST(TIMESTAMP_NTZ '2024-03-10 02:30:00' AS TIMESTAMP)) AS STRING) | 3",
        "CAST(unix_timestamp(TIMESTAMP_NTZ '1970-01-01 00:01:00') AS STRING)          | 60",
        "CAST(TIMESTAMP '2024-01-31 12:00:00' + make_ym_interval(0, 1) AS STRING)     | 2024-02-29 12:00:00",
    })
    void wallClockTimestampsFollowTheSessionZoneAsSparkDoes(String expression, String expected) {
        ZoneId newYork = ZoneId.of("America/New_York");
        CompiledExpression compiled = new ExpressionCompiler(newYork).compile(expression, ExpressionFixture.SCHEMA,
                ExpressionFixture.WHERE);

        ColumnVector column = compiled.evaluate(ExpressionFixture.BATCH, new EvalContext(0L, newYork));

        assertThat(column.get(0)).isEqualTo(expected);
    }
}
