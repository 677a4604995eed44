package sluice.engine.expr.compile;

import java.time.ZoneId;

/** What an evaluation may read besides the batch: the micro-batch's timestamp and the session time zone. */
public record Env(long nowMicros, ZoneId zone) {
}
