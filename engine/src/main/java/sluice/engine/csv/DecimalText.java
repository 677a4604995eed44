package sluice.engine.csv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import sluice.engine.types.DecimalType;

/** Spark's reading of DECIMAL values in the CSV and JSON readers. */
public final class DecimalText {
    private DecimalText() {
    }

    /**
     * Spark's US-locale decimal parsing drops grouping commas; the value is then rounded half up to the column's
     * scale. Null when the text is no number or has more digits than the precision allows.
     */
    public static BigDecimal parse(String text, DecimalType type) {
        try {
            return fit(new BigDecimal(text.indexOf(',') >= 0 ? text.replace(",", "") : text), type);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The value at the type's scale, or null when it overflows the precision. */
    public static BigDecimal fit(BigDecimal value, DecimalType type) {
        BigDecimal scaled = value.setScale(type.scale(), RoundingMode.HALF_UP);
        return scaled.precision() - scaled.scale() > type.precision() - type.scale() ? null : scaled;
    }
}
