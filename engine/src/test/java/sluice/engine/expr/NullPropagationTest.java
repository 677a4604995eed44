package sluice.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.engine.expr.ExpressionFixture.eval;
import static sluice.engine.expr.ExpressionFixture.runProblem;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sluice.engine.diag.ErrorCode;

/**
 * IS [NOT] NULL of an operand Spark declares non-nullable is a constant, its operand never evaluated (Spark's
 * NullPropagation); an operand Spark may see null is evaluated on every row, failing as it fails.
 */
class NullPropagationTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "to_date(' 42 ', 'yyyy-MM-dd') IS NULL                       | false",
        "to_date(' 42 ', 'yyyy-MM-dd') IS NOT NULL                   | true",
        "isnull(to_timestamp('x', 'yyyy'))                           | false",
        "isnotnull(CAST(to_date(' 42 ', 'yyyy-MM-dd') AS STRING))    | true",
        "(2147483647 + 1) IS NULL                                    | false",
        "(NOT (to_date(' 42 ', 'yyyy-MM-dd') IS NULL)) IS NULL       | false",
    })
    void nonNullableOperandIsNotEvaluated(String expression, boolean expected) {
        assertThat(eval(expression)).containsExactly(expected, expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "to_date(s, 'yyyy-MM-dd') IS NULL            | CAST_INVALID_INPUT",
        "(i + 2147483647) IS NOT NULL                | ARITHMETIC_OVERFLOW",
        "(7 / (i - i)) IS NULL                       | DIVIDE_BY_ZERO",
        "CAST(concat(s, ' 42 ') AS DATE) IS NULL     | CAST_INVALID_INPUT",
    })
    void operandSparkMaySeeNullIsEvaluated(String expression, ErrorCode code) {
        assertThat(runProblem(expression).code()).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "to_date(' 42 ', 'yyyy-MM-dd') IS NULL   | false",
        "to_date('2020-01-02', 'yyyy-MM-dd')     | false",
        "try_to_date(' 42 ', 'yyyy-MM-dd')       | true",
        "to_date(s, 'yyyy-MM-dd')                | true",
    })
    void toDateWithAFormatIsNullableOnlyThroughItsArguments(String expression, boolean nullable) {
        assertThat(ExpressionFixture.compile(expression).nullable()).isEqualTo(nullable);
    }
}
