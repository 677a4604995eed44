package sluice.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.engine.expr.ExpressionFixture.first;
import static sluice.engine.expr.ExpressionFixture.runProblem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Problem;

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

    @Test
    void impossibleDateFailsInsteadOfRollingOver() {
        Problem problem = runProblem("to_date('2015-02-30', 'yyyy-MM-dd')");

        assertThat(problem.message()).startsWith("[CANNOT_PARSE_TIMESTAMP] Text '2015-02-30' could not be parsed");
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
}
