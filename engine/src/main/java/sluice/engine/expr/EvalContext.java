package sluice.engine.expr;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;

/**
 * What one evaluation may read besides its batch: the micro-batch timestamp (current_timestamp()), the time zone,
 * and the index of the partition (Spark's task) the batch is, which seeds rand() as Spark seeds it per partition.
 */
public record EvalContext(long batchTimestampMicros, ZoneId zone, int partitionIndex) {
    public EvalContext {
        requireNonNull(zone, "zone is null");
    }

    /** The context of partition 0, for a batch that is not split. */
    public EvalContext(long batchTimestampMicros, ZoneId zone) {
        this(batchTimestampMicros, zone, 0);
    }

    /** The same context for the partition at {@code index}. */
    public EvalContext forPartition(int index) {
        return new EvalContext(batchTimestampMicros, zone, index);
    }
}
