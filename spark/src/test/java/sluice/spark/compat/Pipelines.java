package sluice.spark.compat;

import java.nio.file.Path;
import java.time.ZoneOffset;
import sluice.engine.pipeline.PipelineJson;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.PipelineLoader;
import sluice.engine.plan.PlanEnvironment;

/** Loads a pipeline file as the suite runs it: relative paths against its folder, session time zone UTC. */
final class Pipelines {
    private Pipelines() {
    }

    static PlanEnvironment environment(Path pipeline) {
        return new PlanEnvironment(pipeline.toAbsolutePath().getParent(), ZoneOffset.UTC);
    }

    static PipelineLoader.Loaded load(Path pipeline) {
        PipelineJson.Read read = PipelineJson.read(pipeline);
        PipelineLoader loader = new PipelineLoader(NodeCatalog.standard());
        if (read.spec() == null) {
            return new PipelineLoader.Loaded(null, null, read.problems(), java.util.Map.of());
        }
        return loader.plan(read.spec(), read.problems(), environment(pipeline));
    }
}
