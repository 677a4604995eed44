package sluice.engine.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sluice.engine.diag.Problem;
import sluice.engine.pipeline.PipelineJson;
import sluice.engine.pipeline.PipelineSpec;

/** Reads a pipeline file and plans it in one step, collecting the file's and the plan's problems together. */
public final class PipelineLoader {
    private final Planner planner;

    public PipelineLoader(NodeCatalog catalog) {
        this.planner = new Planner(catalog);
    }

    /** The spec (null when the file could not be read), the plan (null when there are problems), the problems. */
    public record Loaded(PipelineSpec spec, QueryPlan plan, List<Problem> problems,
                         Map<String, sluice.engine.types.Schema> schemas) {
        public Loaded {
            problems = List.copyOf(problems);
        }
    }

    public Loaded load(Path file) {
        PipelineJson.Read read = PipelineJson.read(file);
        if (read.spec() == null) {
            return new Loaded(null, null, read.problems(), Map.of());
        }
        return plan(read.spec(), read.problems(), PlanEnvironment.forPipelineFile(file));
    }

    public Loaded plan(PipelineSpec spec, List<Problem> readProblems, PlanEnvironment environment) {
        Planner.Result result = planner.plan(spec, environment);
        List<Problem> all = new ArrayList<>(readProblems);
        all.addAll(result.problems());
        return new Loaded(spec, all.isEmpty() ? result.plan() : null, all, result.schemas());
    }
}
