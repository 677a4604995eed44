package sluice.engine.sink;

import sluice.engine.types.PartitionedBatch;

/**
 * The engine's side of {@code sink.table} and {@code sink.chart}: the workbench draws the rows it hears about through
 * the query's batch listener, so the sink itself keeps nothing. On the command line its rows are discarded, as
 * {@code sink.noop} does. Stateless.
 */
public final class ViewSink implements Sink {
    @Override
    public void start(SinkContext context) {
    }

    @Override
    public void addBatch(long batchId, PartitionedBatch data) {
    }
}
