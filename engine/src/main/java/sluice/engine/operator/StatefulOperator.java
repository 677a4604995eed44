package sluice.engine.operator;

/**
 * An operator that keeps state between micro-batches. The query opens its state once, before the first batch;
 * batches then run in batch-id order on the query thread (their partitions in tasks).
 */
public interface StatefulOperator extends Operator {

    void openState(StateContext context);
}
