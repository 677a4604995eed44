package sluice.engine.types;

/** Spark's DECIMAL(precision, scale); values are {@link java.math.BigDecimal}s with exactly this scale. */
public record DecimalType(int precision, int scale) implements DataType {
    public static final int MAX_PRECISION = 38;
    public static final DecimalType SYSTEM_DEFAULT = new DecimalType(38, 18);
    /** Spark's type for a DECIMAL written without precision. */
    public static final DecimalType USER_DEFAULT = new DecimalType(10, 0);

    public DecimalType {
        if (precision < 1 || precision > MAX_PRECISION) {
            throw new IllegalArgumentException("decimal precision out of range: " + precision);
        }
        if (scale < 0 || scale > precision) {
            throw new IllegalArgumentException("decimal scale out of range: " + scale);
        }
    }

    @Override
    public String simpleString() {
        return "decimal(" + precision + "," + scale + ")";
    }

    @Override
    public String sql() {
        return "DECIMAL(" + precision + "," + scale + ")";
    }

    @Override
    public Storage storage() {
        return Storage.OBJECT;
    }
}
