package sluice.app.run;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;

/**
 * The pipeline that Preview runs: a copy of the user's spec that reads only the first batch of each source and
 * writes nowhere. Sinks with an outside effect (files, Kafka) become {@code sink.noop}, file sources read one file,
 * and there is no checkpoint. Run it with {@link #TRIGGER} and {@link #MAX_BATCHES}. Stateless; any thread.
 */
public final class PreviewSpec {
    /** Everything available now, cut to one batch by {@link #MAX_BATCHES}: the file sources' first file. */
    public static final Trigger TRIGGER = new Trigger.AvailableNow();
    public static final long MAX_BATCHES = 1;
    /** Sinks that write outside the window; a preview must not touch what they point at. */
    static final Set<String> EXTERNAL_SINKS = Set.of("sink.file", "sink.kafka");

    private PreviewSpec() {
    }

    public static PipelineSpec of(PipelineSpec spec) {
        requireNonNull(spec, "spec is null");
        List<NodeSpec> nodes = new ArrayList<>(spec.nodes().size());
        for (NodeSpec node : spec.nodes()) {
            nodes.add(previewNode(node));
        }
        return spec.withNodes(nodes).withCheckpointLocation(null).withTrigger(TRIGGER);
    }

    private static NodeSpec previewNode(NodeSpec node) {
        if (EXTERNAL_SINKS.contains(node.type())) {
            // sink.noop takes only the output mode; every other option of the replaced sink would be a problem.
            Map<String, OptionValue> options = new LinkedHashMap<>();
            node.option("outputMode").ifPresent(mode -> options.put("outputMode", mode));
            return new NodeSpec(node.id(), "sink.noop", node.inputs(), node.x(), node.y(), options);
        }
        if (node.type().equals("source.file")) {
            return node.withOption("maxFilesPerTrigger", OptionValue.of("1"));
        }
        return node;
    }
}
