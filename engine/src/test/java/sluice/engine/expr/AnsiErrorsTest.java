package sluice.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.engine.expr.ExpressionFixture.at;
import static sluice.engine.expr.ExpressionFixture.eval;
import static sluice.engine.expr.ExpressionFixture.runProblem;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Problem;

/**
 * Runtime errors of ANSI mode: code, the position of the failing operator and Spark 4's one-line message from
 * error-conditions.json (with the parameters Spark's golden files show, e.g. math.sql.out for round).
 */
class AnsiErrorsTest {
    private static final String ANSI = " If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this "
            + "error.";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "i / 0       | 1 | 1",
        "x / (x - x) | 1 | 1",
        "1 + n / 0   | 1 | 5",
        "p / 0       | 1 | 1",
    })
    void divisionByZeroFailsAtTheDivision(String expression, int line, int column) {
        Problem problem = runProblem(expression);

        assertThat(problem.code()).isEqualTo(ErrorCode.DIVIDE_BY_ZERO);
        assertThat(problem.where()).isEqualTo(at(line, column));
        assertThat(problem.message()).isEqualTo("[DIVIDE_BY_ZERO] Division by zero. Use `try_divide` to tolerate "
                + "divisor being 0 and return NULL instead." + ANSI);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"i % 0", "x % 0", "p % 0", "'pmod(i, 0)'", "'pmod(x, 0)'", "'pmod(p, 0)'"})
    void remainderByZeroHasItsOwnCondition(String expression) {
        Problem problem = runProblem(expression);

        assertThat(problem.code()).isEqualTo(ErrorCode.DIVIDE_BY_ZERO);
        assertThat(problem.message()).isEqualTo("[REMAINDER_BY_ZERO] Remainder by zero. Use `try_mod` to tolerate "
                + "divisor being 0 and return NULL instead." + ANSI);
    }

    @Test
    void nullDivisorRowIsNullNotAFailure() {
        assertThat(eval("9 / i")).containsExactly(3.0, null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "i + 2147483647          | integer overflow | try_add",
        "2147483647 * i          | integer overflow | try_multiply",
        "-2147483647 - i         | integer overflow | try_subtract",
        "n * 9223372036854775807 | long overflow    | try_multiply",
    })
    void integerOverflowFails(String expression, String what, String tryFunction) {
        Problem problem = runProblem(expression);

        assertThat(problem.code()).isEqualTo(ErrorCode.ARITHMETIC_OVERFLOW);
        assertThat(problem.message()).isEqualTo("[ARITHMETIC_OVERFLOW] " + what + ". Use '" + tryFunction
                + "' to tolerate overflow and return NULL instead." + ANSI);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"'round(2147483647, -1)'", "'round(-2147483647, -1)'", "'bround(9223372036854775807L, -1)'"})
    void roundingAnIntegralPastItsRangeIsABareOverflow(String expression) {
        Problem problem = runProblem(expression);

        assertThat(problem.code()).isEqualTo(ErrorCode.ARITHMETIC_OVERFLOW);
        assertThat(problem.message()).isEqualTo("[ARITHMETIC_OVERFLOW] Overflow." + ANSI);
    }

    @Test
    void decimalResultWithTooManyDigitsIsOutOfRange() {
        Problem problem = runProblem("CAST(p * 100 AS DECIMAL(3,1))");

        assertThat(problem.code()).isEqualTo(ErrorCode.ARITHMETIC_OVERFLOW);
        assertThat(problem.message()).isEqualTo("[NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION] 150.00 cannot be "
                + "represented as Decimal(3, 1). If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass "
                + "this error, and return NULL instead.");
    }

    @Test
    void subscriptPastTheEndNamesTheGetFunction() {
        Problem problem = runProblem("split(s, ' ')[5]");

        assertThat(problem.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT_VALUE);
        assertThat(problem.where()).isEqualTo(at(1, 1));
        assertThat(problem.message()).isEqualTo("[INVALID_ARRAY_INDEX] The index 5 is out of bounds. The array has 2 "
                + "elements. Use the SQL function `get()` to tolerate accessing element at invalid index and return "
                + "NULL instead.");
    }

    @Test
    void elementAtPastTheEndNamesTryElementAt() {
        Problem problem = runProblem("element_at(split(s, ' '), 3)");

        assertThat(problem.message()).isEqualTo("[INVALID_ARRAY_INDEX_IN_ELEMENT_AT] The index 3 is out of bounds. "
                + "The array has 2 elements. Use `try_element_at` to tolerate accessing element at invalid index and "
                + "return NULL instead.");
    }

    @Test
    void elementAtZeroIsInvalid() {
        Problem problem = runProblem("element_at(split(s, ' '), 0)");

        assertThat(problem.message()).isEqualTo("[INVALID_INDEX_OF_ZERO] The index 0 is invalid. An index shall be "
                + "either < 0 or > 0 (the first element has index 1).");
    }

    @Test
    void failureInACaseBranchThatNoRowTakesIsNotRaised() {
        assertThat(eval("CASE WHEN i > 10 THEN i / 0 ELSE 1 END")).containsExactly(1.0, 1.0);
    }

    @Test
    void coalesceRunsAnArgumentOnlyWhereTheEarlierOnesAreNull() {
        assertThat(eval("coalesce(i, CAST(s AS INT))")).containsExactly(3, null);
        assertThat(eval("nvl(d, CAST(s AS DATE))")).containsExactly(LocalDate.of(2015, 1, 2), null);
        assertThat(eval("coalesce(CAST(NULL AS INT), i, CAST(s AS INT))")).containsExactly(3, null);
        assertThat(runProblem("coalesce(CAST(NULL AS INT), CAST(s AS INT))").code())
                .isEqualTo(ErrorCode.CAST_INVALID_INPUT);
    }

    /** nullif(i, 3) is null in both rows; CAST(s AS INT) fails on row 0, where s is 'Hello World'. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "nullif(i, 3) + CAST(s AS INT)",
        "CAST(s AS INT) / nullif(i, 3)",
        "CAST(s AS INT) % nullif(i, 3)",
        "nullif(i, 3) = CAST(s AS INT)",
        "nullif(i, 3) IN (CAST(s AS INT))",
        "nullif(i, 3) IN (1, CAST(s AS INT))",
        "substring(CAST(nullif(i, 3) AS STRING), CAST(s AS INT))",
        "nullif(nullif(i, 3), CAST(s AS INT))",
        "pow(nullif(i, 3), CAST(s AS INT))",
    })
    void laterOperandIsNotEvaluatedWhereAnEarlierOneIsNull(String expression) {
        assertThat(eval(expression)).containsExactly(null, null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "CAST(s AS INT) + nullif(i, 3)",
        "nullif(i, 3) / CAST(s AS INT)",
        "nullif(i, 3) <=> CAST(s AS INT)",
        "greatest(nullif(i, 3), CAST(s AS INT))",
    })
    void operandEvaluatedFirstOrEagerlyStillFails(String expression) {
        assertThat(runProblem(expression).code()).isEqualTo(ErrorCode.CAST_INVALID_INPUT);
    }

    @Test
    void inStopsAtTheFirstMatchingItem() {
        assertThat(eval("i IN (3, CAST(s AS INT))")).containsExactly(true, null);
    }
}
