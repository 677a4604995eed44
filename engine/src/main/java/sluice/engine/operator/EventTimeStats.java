package sluice.engine.operator;

/**
 * The event times (epoch milliseconds) one watermark node saw in a micro-batch: max, min, running average and count,
 * added and merged as Spark's {@code EventTimeStats} does, so the average matches Spark's to the millisecond.
 * Immutable; {@link WatermarkOperator} merges its partitions' stats into one.
 */
public record EventTimeStats(long max, long min, double avg, long count) {
    public static final EventTimeStats ZERO = new EventTimeStats(Long.MIN_VALUE, Long.MAX_VALUE, 0.0, 0);

    public boolean isEmpty() {
        return count == 0;
    }

    /** These stats and {@code other}'s together, as Spark merges two partitions' accumulators. */
    EventTimeStats merge(EventTimeStats other) {
        if (other.count == 0) {
            return this;
        } else if (count == 0) {
            return other;
        }
        long n = count + other.count;
        return new EventTimeStats(Math.max(max, other.max), Math.min(min, other.min),
                avg + (other.avg - avg) * other.count / n, n);
    }
}
