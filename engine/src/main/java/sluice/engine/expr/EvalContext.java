package sluice.engine.expr;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;

/** What evaluation needs beyond the rows: the batch's timestamp ({@code current_timestamp()}) and the session zone. */
public record EvalContext(long batchTimestampMicros, ZoneId zone) {
    public EvalContext {
        requireNonNull(zone, "zone is null");
    }
}
