package sluice.engine.source;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;

/**
 * What a source gets when it starts: its node id (for messages), its metadata folder inside the checkpoint (null
 * without a checkpoint), the clock and the session time zone.
 */
public record SourceContext(String nodeId, Path metadataDir, Clock clock, ZoneId zone) {
    public SourceContext {
        requireNonNull(nodeId, "nodeId is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(zone, "zone is null");
    }
}
