package sluice.engine.sink;

import sluice.engine.types.PartitionedBatch;

/**
 * Where the rows of each micro-batch go. Called on the query thread: {@link #start} once, then {@link #addBatch} per
 * batch in batch-id order. A batch id already written (a re-run after a crash) must not be written twice, as Spark's
 * sinks guarantee with their own commit logs.
 */
public interface Sink extends AutoCloseable {

    void start(SinkContext context);

    void addBatch(long batchId, PartitionedBatch data);

    @Override
    default void close() {
    }
}
