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

    /** The query ended: normally ({@code failure} null), or with the failure that stopped it. */
    default void onTerminated(StreamingQuery query, Throwable failure) {
    }
}
