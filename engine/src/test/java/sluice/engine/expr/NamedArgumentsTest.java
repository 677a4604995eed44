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

        assertThat(problem.message()).isEqualTo("[UNEXPECTED_POSITIONAL_ARGUMENT] cannot invoke routine 'mask' "
                + "because it contains positional argument(s) following the named argument assigned to 'str'; "
                + "please rearrange them so the positional arguments come first and then retry the query again");
    }

    @Test
    void anUnknownDuplicatedOrMissingParameterIsRefused() {
        assertThat(compileProblem("mask(s, upper => 'Y')").message())
                .isEqualTo("[UNRECOGNIZED_PARAMETER_NAME] cannot invoke routine 'mask' because the routine call "
                        + "included a named argument reference for the argument named 'upper', but this routine "
                        + "does not include any signature containing an argument with this name; its parameters are "
                        + "str, upperChar, lowerChar, digitChar, otherChar");
        assertThat(compileProblem("mask(s, str => s)").message())
                .isEqualTo("[DUPLICATE_ROUTINE_PARAMETER_ASSIGNMENT.BOTH_POSITIONAL_AND_NAMED] call to routine "
                        + "'mask' is invalid because it includes multiple argument assignments to the same "
                        + "parameter name 'str'");
        assertThat(compileProblem("mask(lowerChar => 'a', lowerChar => 'b', str => s)").message())
                .isEqualTo("[DUPLICATE_ROUTINE_PARAMETER_ASSIGNMENT.DOUBLE_NAMED_ARGUMENT_REFERENCE] call to "
                        + "routine 'mask' is invalid because it includes multiple argument assignments to the same "
                        + "parameter name 'lowerChar'");
        assertThat(compileProblem("mask(lowerChar => 'a')").message())
                .isEqualTo("[REQUIRED_PARAMETER_NOT_FOUND] cannot invoke routine 'mask' because the parameter named "
                        + "'str' is required, but the routine call did not supply a value; please update the "
                        + "routine call to supply an argument value (either positionally at index 0 or by name) and "
                        + "retry the query again");
    }
}
