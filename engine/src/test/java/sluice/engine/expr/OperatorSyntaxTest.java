package sluice.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.engine.expr.ExpressionFixture.compile;
import static sluice.engine.expr.ExpressionFixture.compileProblem;
import static sluice.engine.expr.ExpressionFixture.first;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sluice.engine.diag.ErrorCode;

/**
 * Spark's bitwise operators with their precedence, ILIKE, and the calls Spark writes with keywords (trim ... FROM,
 * substring ... FROM ... FOR, position ... IN, overlay ... PLACING): the value and the column name Spark 4.1 gives.
 */
class OperatorSyntaxTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ## ", quoteCharacter = '"', value = {
        "1 | 2 & 3 ## (1 | (2 & 3)) ## 3",
        "1 ^ 2 | 4 ## ((1 ^ 2) | 4) ## 7",
        "1 << 2 + 1 ## (1 << (2 + 1)) ## 8",
        "1 & 3 = 1 ## ((1 & 3) = 1) ## true",
        "-8 >>> 1 ## (-8 >>> 1) ## 2147483644",
        "-8L >> 1 ## (-8 >> 1) ## -4",
        "~5Y ## ~5 ## -6",
        "'3' & 5 ## (3 & 5) ## 1",
        "trim(LEADING FROM '  a ') ## ltrim(  a ) ## \"a \"",
        "trim(TRAILING 'x' FROM 'xax') ## TRIM(TRAILING x FROM xax) ## xa",
        "trim('x' FROM 'xax') ## TRIM(BOTH x FROM xax) ## a",
        "substr('Spark SQL' FROM 5 FOR 1) ## substring(Spark SQL, 5, 1) ## k",
        "position('b' IN 'abc') ## locate(b, abc, 1) ## 2",
        "overlay('Spark SQL' PLACING '_' FROM 6) ## overlay(Spark SQL, _, 6, -1) ## Spark_SQL",
        "'Sp%rk' ILIKE 'sp#%RK' ESCAPE '#' ## ilike(Sp%rk, sp#%RK) ## true",
        "'Spark' NOT ILIKE 's%' ## (NOT ilike(Spark, s%)) ## false",
    })
    void operatorsAndKeywordCallsAreSparks(String expression, String name, String value) {
        assertThat(compile(expression).name()).isEqualTo(name);
        assertThat(first(expression)).isEqualTo(value);
    }

    @Test
    void shiftNeedsItsAnglesTouching() {
        assertThat(compileProblem("i > > 1").code()).isEqualTo(ErrorCode.EXPRESSION_SYNTAX);
    }

    @Test
    void nestedTypesStillCloseWithTwoAngles() {
        assertThat(compile("CAST(NULL AS ARRAY<ARRAY<INT>>)").type().sql()).isEqualTo("ARRAY<ARRAY<INT>>");
    }

    @Test
    void bitwiseOperatorsTakeOnlyIntegralValues() {
        assertThat(compileProblem("x & 1").message())
                .isEqualTo("'&' requires an integral type but 'x' has type DOUBLE");
    }
}
