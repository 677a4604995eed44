package sluice.engine.types;

/** The smallest and largest value of an integral type (TINYINT -128..127 up to BIGINT's 64 bits). Immutable. */
public record IntegralRange(long min, long max) {
    private static final IntegralRange TINYINT = new IntegralRange(Byte.MIN_VALUE, Byte.MAX_VALUE);
    private static final IntegralRange SMALLINT = new IntegralRange(Short.MIN_VALUE, Short.MAX_VALUE);
    private static final IntegralRange INT = new IntegralRange(Integer.MIN_VALUE, Integer.MAX_VALUE);
    private static final IntegralRange BIGINT = new IntegralRange(Long.MIN_VALUE, Long.MAX_VALUE);

    /** The range of TINYINT, SMALLINT, INT or BIGINT. */
    public static IntegralRange of(DataType type) {
        if (type == AtomicType.TINYINT) {
            return TINYINT;
        } else if (type == AtomicType.SMALLINT) {
            return SMALLINT;
        } else if (type == AtomicType.INT) {
            return INT;
        } else if (type == AtomicType.BIGINT) {
            return BIGINT;
        }
        throw new IllegalArgumentException("not an integral type: " + type);
    }

    public boolean contains(long value) {
        return value >= min && value <= max;
    }

    public boolean contains(java.math.BigDecimal value) {
        return value.compareTo(java.math.BigDecimal.valueOf(min)) >= 0
                && value.compareTo(java.math.BigDecimal.valueOf(max)) <= 0;
    }
}
