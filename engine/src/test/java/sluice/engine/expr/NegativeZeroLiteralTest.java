package sluice.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.engine.expr.ExpressionFixture.first;

import org.junit.jupiter.api.Test;

/** Spark parses a FLOAT or DOUBLE literal's text as Java does, so a negative zero keeps its sign; a DECIMAL has none. */
class NegativeZeroLiteralTest {
    @Test
    void floatAndDoubleLiteralsKeepTheSignOfZero() {
        assertThat(first("-0.0F")).isEqualTo("-0.0");
        assertThat(first("-0.0D")).isEqualTo("-0.0");
        assertThat(first("-0e0")).isEqualTo("-0.0");
        assertThat(first("1e-50F")).isEqualTo("0.0");
    }

    @Test
    void aDecimalZeroHasNoSign() {
        assertThat(first("-0.0")).isEqualTo("0.0");
    }
}
