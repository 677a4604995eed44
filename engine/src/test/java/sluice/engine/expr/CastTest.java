package sluice.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.engine.expr.ExpressionFixture.compile;
import static sluice.engine.expr.ExpressionFixture.first;
import static sluice.engine.expr.ExpressionFixture.runProblem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Problem;

/** ANSI CAST and TRY_CAST, checked against Spark 4's sql-tests golden file results/cast.sql.out and Cast.scala. */
class CastTest {
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "CAST(' 1' AS INT)                 | 1",
        "CAST('-2147483648' AS INT)        | -2147483648",
        "CAST('9223372036854775807' AS BIGINT) | 9223372036854775807",
        "CAST(' 1 ' AS DOUBLE)             | 1.0",
        "CAST('1.0 ' AS DECIMAL(10,0))     | 1",
        "CAST('23.45' AS DECIMAL(4,2))     | 23.45",
        "CAST(2.7 AS INT)                  | 2",
        "CAST(-2.7D AS INT)                | -2",
        "CAST(123.456 AS DECIMAL(4,1))     | 123.5",
        "CAST('2022-01-01' AS DATE)        | 2022-01-01",
        "CAST('2022-01-01 00:00:00' AS TIMESTAMP) | 2022-01-01T00:00:00Z",
        "CAST(1.0E10D AS STRING)           | 1.0E10",
        "CAST(0.1D + 0.2D AS STRING)       | 0.30000000000000004",
        "CAST(b AS INT)                    | 1",
        "CAST('true' AS BOOLEAN)           | true",
        "CAST(d AS STRING)                 | 2015-01-02",
        "TRY_CAST('1.5' AS INT)            | null",
        "TRY_CAST('abc' AS DATE)           | null",
    })
    void castGivesSparksValue(String expression, String expected) {
        assertThat(first(expression)).isEqualTo(expected);
    }

    /** Spark casts FLOAT and DOUBLE in binary floating point (Cast.scala, DateTimeUtils.doubleToTimestampAnsi). */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "CAST(CAST('NaN' AS FLOAT) AS BOOLEAN)               | true",
        "CAST(CAST('-Infinity' AS DOUBLE) AS BOOLEAN)        | true",
        "TRY_CAST(CAST('NaN' AS FLOAT) AS TIMESTAMP)         | null",
        "TRY_CAST(CAST('Infinity' AS DOUBLE) AS TIMESTAMP)   | null",
        "TRY_CAST(1e20D AS TIMESTAMP)                        | null",
        "CAST(1.000001F AS TIMESTAMP)                        | 1970-01-01T00:00:01Z",
        "CAST(CAST('NaN' AS DOUBLE) AS DECIMAL(5,1))         | null",
        "CAST(0.1F AS DECIMAL(18,10))                        | 0.1000000015",
        "CAST(CAST(9223372036854775807L AS DOUBLE) AS BIGINT) | 9223372036854775807",
        "CAST(9223372036854775807L AS TIMESTAMP)             | +294247-01-10T04:00:54.775807Z",
        "TRY_CAST(TIMESTAMP'1969-12-31 23:59:59.999999' AS DECIMAL(5,1)) | 0.0",
        "CAST(TIMESTAMP'2020-01-01 00:00:00.123456' AS FLOAT) | 1.5778368E9",
    })
    void floatingPointCastGivesSparksValue(String expression, String expected) {
        assertThat(first(expression)).isEqualTo(expected);
    }

    @Test
    void notANumberIsMalformedAsTimestamp() {
        Problem problem = runProblem("CAST(CAST('NaN' AS FLOAT) AS TIMESTAMP)");

        assertThat(problem.code()).isEqualTo(ErrorCode.CAST_INVALID_INPUT);
        assertThat(problem.message()).isEqualTo("[CAST_INVALID_INPUT] The value NaN of the type \"DOUBLE\" cannot "
                + "be cast to \"TIMESTAMP\" because it is malformed. Correct the value as per the syntax, or change "
                + "its target type. Use `try_cast` to tolerate malformed input and return NULL instead. If "
                + "necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "CAST('1.23' AS INT)    | '1.23'  | INT",
        "CAST('-4.56' AS BIGINT) | '-4.56' | BIGINT",
        "CAST('abc' AS INT)     | 'abc'   | INT",
        "CAST('' AS INT)        | ''      | INT",
        "CAST('123.a' AS INT)   | '123.a' | INT",
        "CAST('2147483648' AS INT) | '2147483648' | INT",
        "CAST('abc' AS DOUBLE)  | 'abc'   | DOUBLE",
        "CAST('a' AS DATE)      | 'a'     | DATE",
        "CAST('xyz' AS BOOLEAN) | 'xyz'   | BOOLEAN",
    })
    void malformedStringFailsWithCastInvalidInput(String expression, String valueText, String target) {
        Problem problem = runProblem(expression);

        assertThat(problem.code()).isEqualTo(ErrorCode.CAST_INVALID_INPUT);
        assertThat(problem.where()).isEqualTo(ExpressionFixture.at(1, 1));
        assertThat(problem.message()).isEqualTo("[CAST_INVALID_INPUT] The value " + valueText + " of the type "
                + "\"STRING\" cannot be cast to \"" + target + "\" because it is malformed. Correct the value as per "
                + "the syntax, or change its target type. Use `try_cast` to tolerate malformed input and return "
                + "NULL instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "CAST(3000000000L AS INT) | 3000000000L | BIGINT | INT",
        "CAST(1e20D AS BIGINT)    | 1.0E20D     | DOUBLE | BIGINT",
        "CAST(1e20D AS TIMESTAMP) | 1.0E26D     | DOUBLE | BIGINT",
    })
    void outOfRangeNumberFailsWithCastOverflow(String expression, String valueText, String from, String to) {
        Problem problem = runProblem(expression);

        assertThat(problem.code()).isEqualTo(ErrorCode.ARITHMETIC_OVERFLOW);
        assertThat(problem.message()).isEqualTo("[CAST_OVERFLOW] The value " + valueText + " of the type \"" + from
                + "\" cannot be cast to \"" + to + "\" due to an overflow. Use `try_cast` to tolerate overflow and "
                + "return NULL instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this "
                + "error.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "CAST(x AS STRING)  | x",
        "CAST(NULL AS INT)  | CAST(NULL AS INT)",
        "CAST(' 1' AS BIGINT) | CAST( 1 AS BIGINT)",
        "TRY_CAST(s AS DATE) | s",
        "CAST(x + 1 AS STRING) | CAST((x + 1) AS STRING)",
    })
    void castIsNamedLikeSpark(String expression, String name) {
        assertThat(compile(expression).name()).isEqualTo(name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "TRY_CAST('1.5' AS INT) | true",
        "CAST(i AS BIGINT)      | true",
        "CAST(1 AS BIGINT)      | false",
    })
    void onlyTryCastAndNullableInputsMakeNullableResults(String expression, boolean nullable) {
        assertThat(compile(expression).nullable()).isEqualTo(nullable);
    }
}
