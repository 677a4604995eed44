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

    /**
     * A copy of the state after committed batch {@code batchId}, as finished rows: at most {@code maxRows} of them in
     * state-key order, and how many there are in all. Read from memory when it is the state the operator holds, else
     * from the checkpoint's state files (a query without a checkpoint keeps only its latest state). Call it on the
     * query thread between batches (a query listener's callback) or once the query stopped;
     * a state file that is missing or damaged is a problem naming the operator and the batch.
     */
    StateRows stateRows(long batchId, int maxRows);

    /** Rows the last batch dropped for coming behind the watermark (Spark's numRowsDroppedByWatermark). */
    default long numRowsDroppedByWatermark() {
        return 0;
    }
}
