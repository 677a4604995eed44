package sluice.engine.sink;

import static java.util.Objects.requireNonNull;

import sluice.engine.types.PartitionedBatch;

/**
 * Spark's memory sink: keeps the rows under a query name in the engine's {@link MemoryTables}. Append and update add
 * each batch's rows; complete replaces the table. A batch id at or below the last one written is skipped, so a re-run
 * batch is not kept twice. Owned by the query thread.
 */
public final class MemorySink implements Sink {
    private final String queryName;
    private SinkContext context;
    private long lastBatchId = -1;

    public MemorySink(String queryName) {
        this.queryName = requireNonNull(queryName, "queryName is null");
    }

    @Override
    public void start(SinkContext sinkContext) {
        this.context = sinkContext;
    }

    @Override
    public void addBatch(long batchId, PartitionedBatch data) {
        if (batchId <= lastBatchId) {
            return;
        }
        if (context.outputMode() == OutputMode.COMPLETE) {
            context.memory().replace(queryName, data.schema(), data.toBatch().rows());
        } else {
            context.memory().append(queryName, data.schema(), data.toBatch().rows());
        }
        lastBatchId = batchId;
    }
}
