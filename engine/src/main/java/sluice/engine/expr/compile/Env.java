package sluice.engine.expr.compile;

import java.time.ZoneId;

/**
 * What an evaluation may read besides the batch: the micro-batch's timestamp, the session time zone, the index of the
 * partition being evaluated, the micro-batch's random seed and the random generators of the partition's task.
 */
public record Env(long nowMicros, ZoneId zone, int partition, long randomSeed, TaskGenerators generators) {
    public Env(long nowMicros, ZoneId zone) {
        this(nowMicros, zone, 0, 0L, new TaskGenerators());
    }

    /** The same evaluation in another zone: a TIMESTAMP_NTZ's fields are those of its wall clock read in UTC. */
    public Env withZone(ZoneId other) {
        return new Env(nowMicros, other, partition, randomSeed, generators);
    }
}
