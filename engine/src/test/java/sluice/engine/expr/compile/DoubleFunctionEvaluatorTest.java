package sluice.engine.expr.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DoubleFunctionEvaluatorTest {
    /** Spark's definition: BigDecimal(d) (the digits of Double.toString) rounded, back to double. */
    private static double sparkRound(double value, int scale, RoundingMode mode) {
        return BigDecimal.valueOf(value).setScale(scale, mode).doubleValue();
    }

    @ParameterizedTest(name = "round({0}, {1}) = {2}")
    @CsvSource({"2.5, 0, 3.0", "-2.5, 0, -3.0", "0.125, 2, 0.13", "1.005, 2, 1.01", "-0.4, 0, 0.0", "2.675, 2, 2.68",
            "1234567.891, -2, 1234600.0", "1.0E300, 2, 1.0E300"})
    void roundIsHalfUpOnTheShortestDecimal(double value, int scale, double expected) {
        assertThat(DoubleFunctionEvaluator.round(value, scale, RoundingMode.HALF_UP)).isEqualTo(expected);
    }

    @Test
    void fastRoundAgreesWithBigDecimalOnPricesAndTies() {
        SplittableRandom random = new SplittableRandom(42);
        for (int k = 0; k < 200_000; k++) {
            int scale = random.nextInt(0, 6);
            double value = k % 2 == 0 ? (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(0, 9))
                    : Math.round(random.nextDouble() * 1e6) / 1e3 + (k % 4 == 1 ? 0.0005 : 0);

            assertThat(DoubleFunctionEvaluator.round(value, scale, RoundingMode.HALF_UP))
                    .as("round(%s, %d)", value, scale)
                    .isEqualTo(sparkRound(value, scale, RoundingMode.HALF_UP));
        }
    }

    @Test
    void roundKeepsNanAndInfinity() {
        assertThat(DoubleFunctionEvaluator.round(Double.NaN, 2, RoundingMode.HALF_UP)).isNaN();
        assertThat(DoubleFunctionEvaluator.round(Double.NEGATIVE_INFINITY, 2, RoundingMode.HALF_UP))
                .isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
