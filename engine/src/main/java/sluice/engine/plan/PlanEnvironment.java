package sluice.engine.plan;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * What planning needs besides the pipeline: the folder relative paths are resolved against (the pipeline file's
 * folder, so an example runs from any working directory), the session time zone, and whether sources may skip the
 * columns the query does not read (Spark's column pruning; the workbench turns it off to show whole source rows).
 */
public record PlanEnvironment(Path baseDir, ZoneId zone, boolean pruneColumns) {
    public PlanEnvironment {
        requireNonNull(baseDir, "baseDir is null");
        requireNonNull(zone, "zone is null");
    }

    /** Column pruning on, as in Spark. */
    public PlanEnvironment(Path baseDir, ZoneId zone) {
        this(baseDir, zone, true);
    }

    /** Every source reads every column: for inspectors that show what a source read. */
    public PlanEnvironment withoutColumnPruning() {
        return new PlanEnvironment(baseDir, zone, false);
    }

    public static PlanEnvironment forPipelineFile(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return new PlanEnvironment(parent == null ? Path.of("").toAbsolutePath() : parent, ZoneId.systemDefault());
    }
}
