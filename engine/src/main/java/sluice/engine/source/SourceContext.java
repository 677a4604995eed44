package sluice.engine.source;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;

/**
 * What a source gets when it starts: its node id (for messages), its metadata folder inside the checkpoint (null
 * without a checkpoint), the clock, the session time zone, and how many partitions run at once (Spark's default
 * parallelism, which sizes the file source's splits).
 */
public record SourceContext(String nodeId, Path metadataDir, Clock clock, ZoneId zone, int parallelism) {
    public SourceContext {
        requireNonNull(nodeId, "nodeId is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(zone, "zone is null");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
    }

    /** One partition per core, as Spark's local[*]. */
    public SourceContext(String nodeId, Path metadataDir, Clock clock, ZoneId zone) {
        this(nodeId, metadataDir, clock, zone, Runtime.getRuntime().availableProcessors());
    }
}
