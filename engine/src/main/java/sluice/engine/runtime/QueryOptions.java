package sluice.engine.runtime;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import sluice.engine.pipeline.Trigger;

/**
 * How to run a query: its trigger, checkpoint folder (null for none) and the most batches to run before stopping
 * (0 for no limit).
 */
public record QueryOptions(Trigger trigger, Path checkpointLocation, long maxBatches) {
    public QueryOptions {
        requireNonNull(trigger, "trigger is null");
        if (maxBatches < 0) {
            throw new IllegalArgumentException("maxBatches must be >= 0");
        }
    }
}
