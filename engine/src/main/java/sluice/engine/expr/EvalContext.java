package sluice.engine.expr;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import sluice.engine.expr.compile.TaskGenerators;

/**
 * What one evaluation may read besides its batch: the micro-batch timestamp (current_timestamp()), the time zone, the
 * index of the partition (Spark's task) the batch is, and the micro-batch's random seed. Spark gives every random
 * function a fresh seed in each micro-batch of a stream, so rand(42) repeats nothing there; Sluice adds this seed to
 * the function's own. With a seed of 0 the functions draw what Spark draws for their seed in a batch query. A context
 * is one task's: the random functions draw on from its generators through every chunk of rows evaluated with it.
 */
public record EvalContext(long batchTimestampMicros, ZoneId zone, int partitionIndex, long randomSeed,
                          TaskGenerators generators) {
    public EvalContext {
        requireNonNull(zone, "zone is null");
        requireNonNull(generators, "generators is null");
    }

    /** A new task's context (no random function has drawn yet). */
    public EvalContext(long batchTimestampMicros, ZoneId zone, int partitionIndex, long randomSeed) {
        this(batchTimestampMicros, zone, partitionIndex, randomSeed, new TaskGenerators());
    }

    /** The context of a new task of partition 0 with random seed 0, for a batch that is not split. */
    public EvalContext(long batchTimestampMicros, ZoneId zone) {
        this(batchTimestampMicros, zone, 0, 0L);
    }

    /** The context of a new task for the partition at {@code index}. */
    public EvalContext forPartition(int index) {
        return new EvalContext(batchTimestampMicros, zone, index, randomSeed);
    }
}
