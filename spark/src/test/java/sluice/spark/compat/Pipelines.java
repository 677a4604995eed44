package sluice.spark.compat;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.pipeline.PipelineJson;
import sluice.engine.pipeline.PipelineSpec;
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

    /**
     * The pipeline of a case file. A file that does not read as a pipeline (invalid JSON, a node without an id) is a
     * broken case, not a rejection to compare: Spark has no such error, and both engines "failing" on it would hide
     * whatever the case was meant to test.
     */
    static PipelineSpec spec(Path pipeline) {
        PipelineJson.Read read = PipelineJson.read(pipeline);
        if (read.spec() == null || !read.problems().isEmpty()) {
            throw new AssertionError("case file " + pipeline + " is not a readable pipeline: " + read.problems());
        }
        return read.spec();
    }

    static PipelineLoader.Loaded load(Path pipeline) {
        return plan(spec(pipeline), pipeline);
    }

    /** Plans {@code spec} as if read from {@code pipeline} (relative paths against its folder). */
    static PipelineLoader.Loaded plan(PipelineSpec spec, Path pipeline) {
        return new PipelineLoader(NodeCatalog.standard()).plan(spec, List.of(), environment(pipeline));
    }

    /** A pipeline whose file sinks write into folders of the suite's choosing, and those folders by sink id. */
    record Redirected(PipelineSpec spec, Map<String, Path> folders) {
    }

    /**
     * {@code spec} with each file sink writing into its own folder {@code <outputs>/<sink id>}, so that the two
     * engines never write into one folder and each output is compared on its own.
     */
    static Redirected redirectFileSinks(PipelineSpec spec, Path outputs) {
        Map<String, Path> folders = new LinkedHashMap<>();
        List<NodeSpec> nodes = new ArrayList<>();
        for (NodeSpec node : spec.nodes()) {
            if (node.type().equals("sink.file")) {
                Path folder = outputs.resolve(node.id());
                folders.put(node.id(), folder);
                nodes.add(node.withOption("path", OptionValue.of(folder.toString())));
            } else {
                nodes.add(node);
            }
        }
        return new Redirected(spec.withNodes(nodes), folders);
    }
}
