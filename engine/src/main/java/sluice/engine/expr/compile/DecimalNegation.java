package sluice.engine.expr.compile;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import sluice.engine.types.DecimalType;

/**
 * Spark's negation of a DECIMAL (unary minus, negative(), and abs() of a negative value). Spark negates through
 * Scala's BigDecimal, whose MathContext is DECIMAL128: the negated value keeps only 34 significant digits (rounded
 * half even), is put back to the type's scale, and fails NUMERIC_VALUE_OUT_OF_RANGE.WITHOUT_SUGGESTION when that
 * rounding carried it past the type's precision. Values of up to 34 digits negate exactly.
 */
final class DecimalNegation {
    private DecimalNegation() {
    }

    static BigDecimal negate(BigDecimal value, DecimalType type) {
        BigDecimal negated = value.negate(MathContext.DECIMAL128);
        BigDecimal rescaled = negated.setScale(type.scale(), RoundingMode.HALF_UP);
        if (rescaled.precision() > type.precision()) {
            throw RowFailure.decimalRoundedOutOfRange(rescaled.toString(), negated.toString(), type.precision(),
                    type.scale());
        }
        return rescaled;
    }

    static BigDecimal abs(BigDecimal value, DecimalType type) {
        return value.signum() < 0 ? negate(value, type) : value;
    }
}
