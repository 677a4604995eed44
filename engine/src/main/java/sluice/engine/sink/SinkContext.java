package sluice.engine.sink;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.time.ZoneId;

/**
 * What a sink gets when it starts: its node id, output mode, where console output goes, the memory tables of this
 * engine, and the session time zone.
 */
public record SinkContext(String nodeId, OutputMode outputMode, PrintStream console, MemoryTables memory,
                          ZoneId zone) {
    public SinkContext {
        requireNonNull(nodeId, "nodeId is null");
        requireNonNull(outputMode, "outputMode is null");
        requireNonNull(console, "console is null");
        requireNonNull(memory, "memory is null");
        requireNonNull(zone, "zone is null");
    }
}
