package sluice.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static sluice.engine.expr.ExpressionFixture.UTC;
import static sluice.engine.expr.ExpressionFixture.at;
import static sluice.engine.expr.ExpressionFixture.compile;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Problem;
import sluice.engine.diag.SluiceException;

/**
 * The constants Spark's optimizer folds while it plans a micro-batch (ConstantFolding): one that fails fails without
 * any row, except in a branch of a conditional expression that is not constant itself, where Spark lets it wait for
 * a row that takes the branch.
 */
class ConstantFoldingTest {
    private static final EvalContext CONTEXT = new EvalContext(0L, UTC);

    private static Problem foldProblem(String text) {
        CompiledExpression expression = compile(text);
        return catchThrowableOfType(() -> expression.foldConstants(CONTEXT), SluiceException.class).problem();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "i + 1 / 0                                 | 5",
        "1 / 0                                     | 1",
        "x > 1 AND 1 / 0 = 1                       | 11",
        "CASE WHEN true THEN 1 / 0 ELSE 1 END      | 21",
        "coalesce(i, 1 / 0) + 1 / 0                | 22",
        "transform(array(i), v -> v + 1 / 0)[0]    | 30",
        "abs(i) + 7 / (2 - 2)                      | 10",
    })
    void failingConstantFailsWithoutRows(String text, int column) {
        Problem problem = foldProblem(text);

        assertThat(problem.code()).isEqualTo(ErrorCode.DIVIDE_BY_ZERO);
        assertThat(problem.where()).isEqualTo(at(1, column));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "CASE WHEN i > 0 THEN 1 / 0 ELSE 1 END",
        "CASE WHEN 1 / 0 = 1 THEN i END",
        "if(i > 0, 1, 1 / 0)",
        "nvl2(i, 1 / 0, 1)",
        "coalesce(i, 1 / 0)",
        "nvl(i, 1 / 0)",
        "nullif(i, 1 / 0)",
        "nanvl(x, 1 / 0)",
        "coalesce(1, 1 / 0)",
        "CASE WHEN false THEN 1 / 0 ELSE 1 END",
        "try_divide(1, 0) + i",
        "TRY_CAST(1E38 AS DECIMAL(10, 2))",
        "rand(1) / 0",
        "to_date(' 42 ', 'yyyy-MM-dd') IS NULL",
        "(1 / 0) IS NOT NULL",
        "i / 0",
    })
    void constantThatMayNeverRunWaitsForARow(String text) {
        CompiledExpression expression = compile(text);

        assertThatCode(() -> expression.foldConstants(CONTEXT)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"CAST(1E38F AS DECIMAL(10, 2))", "CAST(TRY_CAST(1E38 AS FLOAT) AS DECIMAL(10,2))"})
    void overflowingConstantCastFails(String text) {
        assertThat(foldProblem(text).code()).isEqualTo(ErrorCode.ARITHMETIC_OVERFLOW);
    }
}
