package sluice.engine.types;

/**
 * A field of Spark's ANSI intervals, in Spark's order within each kind: YEAR before MONTH, DAY before HOUR before
 * MINUTE before SECOND. An interval type spans a range of them ({@link AtomicType#interval}).
 */
public enum IntervalField {
    YEAR(12),
    MONTH(1),
    DAY(86_400_000_000L),
    HOUR(3_600_000_000L),
    MINUTE(60_000_000L),
    SECOND(1_000_000L);

    private final long unit;

    IntervalField(long unit) {
        this.unit = unit;
    }

    /** Months (for YEAR and MONTH) or microseconds (for the others) in one of this field. */
    public long unit() {
        return unit;
    }

    public boolean isYearMonth() {
        return this == YEAR || this == MONTH;
    }

    /** The lower-case word Spark's type names use. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
