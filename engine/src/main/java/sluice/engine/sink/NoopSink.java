package sluice.engine.sink;

import sluice.engine.types.PartitionedBatch;

/** Spark's {@code noop} sink: the batch is computed in full and its rows are dropped. Stateless. */
public final class NoopSink implements Sink {
    @Override
    public void start(SinkContext context) {
    }

    @Override
    public void addBatch(long batchId, PartitionedBatch data) {
    }

    @Override
    public boolean readsRows() {
        return false;
    }
}
