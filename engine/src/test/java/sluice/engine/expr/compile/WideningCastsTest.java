package sluice.engine.expr.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.engine.expr.ExpressionFixture.first;

import org.junit.jupiter.api.Test;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DecimalType;

/** Spark's SimplifyCasts: two widening numeric casts of a column become one; a constant keeps the middle rounding. */
class WideningCastsTest {
    @Test
    void aBigintCastToFloatThenToDoubleKeepsEveryDigitAsSparkComputesIt() {
        // n * 30370005 is 3,037,000,500, which FLOAT alone would round to 3,037,000,448.
        assertThat(first("CAST(CAST(n * 30370005 AS FLOAT) AS DOUBLE)")).isEqualTo("3.0370005E9");
        assertThat(first("log10(CAST(n * 30370005 AS FLOAT))")).isEqualTo("9.482444863418833");
        assertThat(first("CAST(n * 30370005 AS FLOAT)")).isEqualTo("3.03700045E9");
    }

    @Test
    void aConstantIsFoldedFirstAndKeepsTheFloatRounding() {
        assertThat(first("CAST(CAST(3037000500 AS FLOAT) AS DOUBLE)")).isEqualTo("3.037000448E9");
    }

    @Test
    void aNarrowingCastInBetweenStays() {
        assertThat(first("CAST(CAST(x AS INT) AS DOUBLE)")).isEqualTo("2.0");
        assertThat(first("CAST(CAST(p AS INT) AS DECIMAL(10,2))")).isEqualTo("1.00");
    }

    @Test
    void widensAsSparksCanUpCast() {
        assertThat(WideningCasts.widens(AtomicType.BIGINT, AtomicType.FLOAT)).isTrue();
        assertThat(WideningCasts.widens(AtomicType.FLOAT, AtomicType.DOUBLE)).isTrue();
        assertThat(WideningCasts.widens(AtomicType.DOUBLE, AtomicType.FLOAT)).isFalse();
        assertThat(WideningCasts.widens(AtomicType.INT, new DecimalType(10, 0))).isTrue();
        assertThat(WideningCasts.widens(AtomicType.INT, new DecimalType(9, 0))).isFalse();
        assertThat(WideningCasts.widens(new DecimalType(5, 0), AtomicType.INT)).isTrue();
        assertThat(WideningCasts.widens(new DecimalType(5, 2), AtomicType.INT)).isFalse();
        assertThat(WideningCasts.widens(new DecimalType(5, 2), AtomicType.DOUBLE)).isFalse();
        assertThat(WideningCasts.widens(AtomicType.FLOAT, new DecimalType(38, 10))).isFalse();
        assertThat(WideningCasts.widens(AtomicType.STRING, AtomicType.DOUBLE)).isFalse();
    }
}
