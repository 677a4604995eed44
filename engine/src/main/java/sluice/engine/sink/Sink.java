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

    /**
     * Called once after {@link #start}, before the first batch: the query's checkpoint has committed every batch up
     * to {@code lastCommitted} (-1 for none, or without a checkpoint) and, when {@code rerun} is set, runs batch
     * {@code lastCommitted + 1} again. A sink with a commit log of its own refuses to start when that log disagrees,
     * since it would skip batches it never received or leave a gap readers cannot read past.
     */
    default void checkResume(long lastCommitted, boolean rerun) {
    }

    /**
     * Whether the sink reads the rows of its batches. One that does not (Spark's {@code noop}) is handed a batch
     * without partitions: the rows are computed in their tasks and dropped there, as Spark's noop writer drops them,
     * instead of being kept and gathered for nothing; its row count still comes from the node before it.
     */
    default boolean readsRows() {
        return true;
    }

    @Override
    default void close() {
    }
}
