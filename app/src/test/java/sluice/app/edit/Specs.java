package sluice.app.edit;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;

/** Small pipelines for edit tests. */
final class Specs {
    private Specs() {
    }

    static NodeSpec node(String id, String type, String... inputs) {
        return new NodeSpec(id, type, Arrays.asList(inputs), 10, 20, Map.of());
    }

    static PipelineSpec of(NodeSpec... nodes) {
        return new PipelineSpec(PipelineSpec.FORMAT, "test", Trigger.DEFAULT, null, List.of(nodes));
    }

    /** rate → filter → console. */
    static PipelineSpec chain() {
        return of(node("rate", "source.rate"),
                node("filter", "transform.filter", "rate").withOption("condition", OptionValue.of("value > 1")),
                node("console", "sink.console", "filter"));
    }
}
