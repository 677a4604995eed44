package sluice.engine.runtime;

/**
 * Hears a query's lifecycle, as Spark's {@code StreamingQueryListener}. Called on the query thread: implementations
 * copy what they need and return quickly.
 */
public interface QueryListener {
    default void onStarted(StreamingQuery query) {
    }

    default void onProgress(QueryProgress progress) {
    }

    /**
     * Whether this listener wants {@link #onBatchData}. Keeping every node's output costs memory, so the runner
     * keeps it only when some listener asks.
     */
    default boolean wantsBatchData() {
        return false;
    }

    /** Every node's output of a finished batch (a sink's entry is its input), for inspectors. */
    default void onBatchData(long batchId, java.util.Map<String, sluice.engine.types.PartitionedBatch> outputs) {
    }

    /**
     * How many state rows of each stateful operator this listener wants after every batch, through {@link #onState};
     * 0 (the default) for none. Copying state costs time, so the runner copies it only when some listener asks.
     */
    default int stateRowLimit() {
        return 0;
    }

    /**
     * The state of every stateful operator after committed batch {@code batchId}, by node id in plan order: a copy,
     * at most {@link #stateRowLimit} rows each (see {@link sluice.engine.operator.StatefulOperator#stateRows}). Called
     * before {@link #onBatchData} and {@link #onProgress} of the same batch.
     */
    default void onState(long batchId, java.util.Map<String, sluice.engine.operator.StateRows> states) {
    }

    /** The query ended: normally ({@code failure} null), or with the failure that stopped it. */
    default void onTerminated(StreamingQuery query, Throwable failure) {
    }
}
