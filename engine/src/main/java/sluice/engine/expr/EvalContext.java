package sluice.engine.expr;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;

/** What one evaluation may read besides its batch: the micro-batch timestamp (current_timestamp()) and time zone. */
public record EvalContext(long batchTimestampMicros, ZoneId zone) {
    public EvalContext {
        requireNonNull(zone, "zone is null");
    }
}
