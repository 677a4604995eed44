package sluice.engine.operator;

import sluice.engine.state.StateMetrics;

/**
 * An operator that keeps state between micro-batches. The query opens its state once, before the first batch;
 * batches then run in batch-id order on the query thread (their partitions in tasks).
 */
public interface StatefulOperator extends Operator {

    void openState(StateContext context);

    /** Spark's name of the operator in its progress' {@code stateOperators}: stateStoreSave, dedupe, .... */
    String stateOperatorName();

    /** The figures of the state after the last committed batch (zeros before the first). */
    StateMetrics stateMetrics();
}
