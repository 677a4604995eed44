package sluice.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.engine.expr.ExpressionFixture.eval;
import static sluice.engine.expr.ExpressionFixture.runProblem;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Problem;

/**
 * Negating a DECIMAL keeps 34 significant digits, as Spark's Decimal.unary_- does through Scala's BigDecimal
 * (MathContext DECIMAL128): abs, negative and unary minus of a longer value round half even, and fail when that
 * rounding carries past the type's precision. The column {@code i} (3) keeps the values from being constants.
 */
class DecimalNegationTest {
    private static final String THREE = "CAST(i AS DECIMAL(1,0))";

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "'abs(" + THREE + " * -33333333333333333333333333333333333333BD)'",
        "'-(" + THREE + " * 33333333333333333333333333333333333333BD)'",
        "'negative(" + THREE + " * 33333333333333333333333333333333333333BD)'",
    })
    void roundingThirtyEightNinesCarriesPastThePrecision(String expression) {
        Problem problem = runProblem(expression);

        assertThat(problem.code()).isEqualTo(ErrorCode.ARITHMETIC_OVERFLOW);
        assertThat(problem.message()).isEqualTo("[NUMERIC_VALUE_OUT_OF_RANGE.WITHOUT_SUGGESTION] The "
                + (expression.startsWith("abs") ? "" : "-") + "100000000000000000000000000000000000000 rounded half "
                + "up from " + (expression.startsWith("abs") ? "" : "-") + "1.000000000000000000000000000000000E+38 "
                + "cannot be represented as Decimal(38, 0).");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "abs(" + THREE + " * -1234567890123456789012345678901234567BD) | 3703703670370370367037037036703704000",
        "-(" + THREE + " * 1234567890123456789012345678901234567BD)    | -3703703670370370367037037036703704000",
        "abs(" + THREE + " * -12345678901234567890123456.7890123456BD) | 37037036703703703670370370.3670370400",
        "-(" + THREE + " * 1234567890123456789012345678901234BD)       | -3703703670370370367037037036703702",
        "abs(" + THREE + " * -1234567890123456789012345678901234BD)    | 3703703670370370367037037036703702",
        "abs(" + THREE + " * 1234567890123456789012345678901234567BD)  | 3703703670370370367037037036703703701",
    })
    void moreThanThirtyFourDigitsAreRoundedOnlyWhenNegated(String expression, String expected) {
        assertThat(eval(expression)).containsExactly(new BigDecimal(expected), null);
    }
}
