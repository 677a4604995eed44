package sluice.engine.operator;

import sluice.engine.state.StateMetrics;

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

    /** Spark's name of the operator in its progress' {@code stateOperators}: stateStoreSave, dedupe, .... */
    String stateOperatorName();

    /** The figures of the state after the last committed batch (zeros before the first). */
    StateMetrics stateMetrics();

    /** Rows the last batch dropped for coming behind the watermark (Spark's numRowsDroppedByWatermark). */
    default long numRowsDroppedByWatermark() {
        return 0;
    }
}
