package sluice.engine.source.file;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Spark's {@code modifiedBefore} and {@code modifiedAfter} path filters: a file is listed only when its modification
 * time is before {@code beforeMicros} and after {@code afterMicros} (each null when its option is not set). The
 * thresholds are instants, but Spark first shifts the file's time by the session zone's offset (its
 * {@code fromUTCTime}), so outside UTC a file is compared by its local wall-clock time; we do the same.
 */
public record ModifiedTimeFilter(Long afterMicros, Long beforeMicros, ZoneId zone) {
    public static final ModifiedTimeFilter NONE = new ModifiedTimeFilter(null, null, ZoneId.of("UTC"));

    /** Whether a file modified at {@code modifiedMs} (ms since the epoch) passes. */
    public boolean accepts(long modifiedMs) {
        if (afterMicros == null && beforeMicros == null) {
            return true;
        }
        long offsetMs = zone.getRules().getOffset(Instant.ofEpochMilli(modifiedMs)).getTotalSeconds() * 1000L;
        long local = Math.multiplyExact(modifiedMs + offsetMs, 1000L);
        return (afterMicros == null || local > afterMicros) && (beforeMicros == null || local < beforeMicros);
    }
}
