package sluice.engine.expr.compile;

import java.time.ZoneId;

/**
 * What an evaluation may read besides the batch: the micro-batch's timestamp, the session time zone, and the index of
 * the partition being evaluated.
 */
public record Env(long nowMicros, ZoneId zone, int partition) {
    public Env(long nowMicros, ZoneId zone) {
        this(nowMicros, zone, 0);
    }
}
