package sluice.engine.operator;

/**
 * An operator that keeps state between micro-batches. The query opens its state once, before the first batch;
 * batches then run in batch-id order on the query thread (their partitions in tasks).
 */
public interface StatefulOperator extends Operator {

    void openState(StateContext context);

    /**
     * Whether a micro-batch without new data must run once the watermark has moved to {@code newWatermarkMs}, to emit
     * or evict state behind it (Spark's {@code shouldRunAnotherBatch}, run as its no-data micro-batch).
     */
    default boolean shouldRunAnotherBatch(long newWatermarkMs) {
        return false;
    }
}
