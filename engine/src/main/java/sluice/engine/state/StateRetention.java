package sluice.engine.state;

/**
 * How many versions a partition keeps on disk, with Spark's defaults: {@code spark.sql.streaming.minBatchesToRetain}
 * (100: the state of the last 100 batches stays recoverable) and {@code
 * spark.sql.streaming.stateStore.minDeltasForSnapshot} (10: a snapshot is written once more than 10 delta files
 * would have to be read to rebuild the latest version). Immutable.
 */
public record StateRetention(int minBatchesToRetain, int minDeltasForSnapshot) {
    public static final StateRetention SPARK_DEFAULTS = new StateRetention(100, 10);

    public StateRetention {
        if (minBatchesToRetain < 1 || minDeltasForSnapshot < 1) {
            throw new IllegalArgumentException("retention settings must be positive");
        }
    }
}
