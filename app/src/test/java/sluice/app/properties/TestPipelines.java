package sluice.app.properties;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;

/** Small pipelines for the property sheet tests: a rate source, a filter, a select and a console sink. */
final class TestPipelines {
    private TestPipelines() {
    }

    static PipelineSpec rateFilterSelectConsole() {
        return new PipelineSpec(PipelineSpec.FORMAT, "Sheet test", Trigger.DEFAULT, null, List.of(
                node("rate", "source.rate", List.of(), Map.of("rowsPerSecond", OptionValue.of("5"))),
                node("filter-1", "transform.filter", List.of("rate"),
                        Map.of("condition", OptionValue.of("value > 2"))),
                node("select-1", "transform.select", List.of("filter-1"),
                        Map.of("expressions", OptionValue.of(List.of("timestamp", "value + 1 AS next")))),
                node("console", "sink.console", List.of("select-1"),
                        Map.of("outputMode", OptionValue.of("append")))));
    }

    static NodeSpec node(String id, String type, List<String> inputs, Map<String, OptionValue> options) {
        return new NodeSpec(id, type, inputs, 100, 100, new LinkedHashMap<>(options));
    }
}
