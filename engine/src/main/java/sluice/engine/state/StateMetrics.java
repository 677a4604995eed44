package sluice.engine.state;

/**
 * The figures of one operator's state after a batch, as Spark's StateOperatorProgress reports them: the rows kept,
 * the rows the batch wrote and removed, an estimate of the memory the rows take, and the partitions (Spark's
 * {@code numShufflePartitions} and {@code numStateStoreInstances}, equal for one store per partition). Immutable.
 */
public record StateMetrics(long numRowsTotal, long numRowsUpdated, long numRowsRemoved, long memoryUsedBytes,
                           int partitions) {
    /** The sum of two stores' figures (the partitions of both). */
    public StateMetrics plus(StateMetrics other) {
        return new StateMetrics(numRowsTotal + other.numRowsTotal, numRowsUpdated + other.numRowsUpdated,
                numRowsRemoved + other.numRowsRemoved, memoryUsedBytes + other.memoryUsedBytes,
                partitions + other.partitions);
    }
}
