package sluice.engine.plan;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * What planning needs besides the pipeline: the folder relative paths are resolved against (the pipeline file's
 * folder, so an example runs from any working directory) and the session time zone.
 */
public record PlanEnvironment(Path baseDir, ZoneId zone) {
    public PlanEnvironment {
        requireNonNull(baseDir, "baseDir is null");
        requireNonNull(zone, "zone is null");
    }

    public static PlanEnvironment forPipelineFile(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return new PlanEnvironment(parent == null ? Path.of("").toAbsolutePath() : parent, ZoneId.systemDefault());
    }
}
