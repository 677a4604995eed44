package sluice.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.engine.expr.ExpressionFixture.compile;
import static sluice.engine.expr.ExpressionFixture.compileProblem;
import static sluice.engine.expr.ExpressionFixture.first;

import org.junit.jupiter.api.Test;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Problem;

/** Spark 4's named arguments ({@code param => value}) on the functions that publish their parameters, and refusals. */
class NamedArgumentsTest {
    @Test
    void namedArgumentsTakeTheirParametersPlaces() {
        assertThat(first("mask(digitChar => '#', str => 'Ab1-')")).isEqualTo("Xx#-");
        assertThat(first("mask('Ab1-', otherChar => '_')")).isEqualTo("Xxn_");
    }

    @Test
    void aCallWithNamedArgumentsIsNamedAsItsPositionalForm() {
        assertThat(compile("mask(s, lowerChar => 'l')").name()).isEqualTo(compile("mask(s, 'X', 'l')").name());
    }

    @Test
    void aFunctionWithoutPublishedParametersRefusesThem() {
        Problem problem = compileProblem("upper(str => s)");

        assertThat(problem.code()).isEqualTo(ErrorCode.WRONG_ARGUMENTS);
        assertThat(problem.message()).isEqualTo("[NAMED_PARAMETERS_NOT_SUPPORTED] named parameters are not "
                + "supported for function 'upper'; please retry the query with positional arguments to the function "
                + "call instead");
    }

    @Test
    void aPositionalArgumentAfterANamedOneIsRefused() {
        Problem problem = compileProblem("mask(str => s, 'Y')");

        assertThat(problem.message()).startsWith("[UNEXPECTED_POSITIONAL_ARGUMENT] cannot invoke routine 'mask' "
                + "because it contains positional argument(s) following the named argument assigned to 'str'");
    }

    @Test
    void anUnknownDuplicatedOrMissingParameterIsRefused() {
        assertThat(compileProblem("mask(s, upper => 'Y')").message())
                .startsWith("[UNRECOGNIZED_PARAMETER_NAME] cannot invoke routine 'mask'");
        assertThat(compileProblem("mask(s, str => s)").message())
                .startsWith("[DUPLICATE_ROUTINE_PARAMETER_ASSIGNMENT.BOTH_POSITIONAL_AND_NAMED]");
        assertThat(compileProblem("mask(lowerChar => 'a', lowerChar => 'b', str => s)").message())
                .startsWith("[DUPLICATE_ROUTINE_PARAMETER_ASSIGNMENT.DOUBLE_NAMED_ARGUMENT_REFERENCE]");
        assertThat(compileProblem("mask(lowerChar => 'a')").message())
                .startsWith("[REQUIRED_PARAMETER_NOT_FOUND] cannot invoke routine 'mask' because the parameter named "
                        + "'str' is required");
    }
}
