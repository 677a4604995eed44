package sluice.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;

class PreviewSpecTest {
    private static NodeSpec node(String id, String type, List<String> inputs, String... options) {
        Map<String, OptionValue> values = new LinkedHashMap<>();
        for (int i = 0; i < options.length; i += 2) {
            values.put(options[i], OptionValue.of(options[i + 1]));
        }
        return new NodeSpec(id, type, inputs, 10, 20, values);
    }

    private static final PipelineSpec SPEC = new PipelineSpec(PipelineSpec.FORMAT, "p", Trigger.DEFAULT, "chk",
            List.of(node("in", "source.file", List.of(), "path", "data", "format", "csv", "maxFilesPerTrigger", "5"),
                    node("keep", "transform.filter", List.of("in"), "condition", "x > 1"),
                    node("out", "sink.file", List.of("keep"), "path", "out", "format", "csv", "outputMode", "append"),
                    node("bus", "sink.kafka", List.of("keep"), "topic", "t"),
                    node("show", "sink.table", List.of("keep"), "outputMode", "append")));

    @Test
    void fileSinkBecomesNoopKeepingOnlyItsOutputMode() {
        PipelineSpec preview = PreviewSpec.of(SPEC);

        NodeSpec out = preview.node("out").orElseThrow();
        assertThat(out.type()).isEqualTo("sink.noop");
        assertThat(out.options()).containsOnlyKeys("outputMode");
        assertThat(out.inputs()).containsExactly("keep");
        assertThat(out.x()).isEqualTo(10);
    }

    @Test
    void kafkaSinkBecomesNoop() {
        PipelineSpec preview = PreviewSpec.of(SPEC);

        assertThat(preview.node("bus").orElseThrow().type()).isEqualTo("sink.noop");
        assertThat(preview.node("bus").orElseThrow().options()).isEmpty();
    }

    @Test
    void fileSourceReadsOneFilePerBatch() {
        PipelineSpec preview = PreviewSpec.of(SPEC);

        assertThat(preview.node("in").orElseThrow().option("maxFilesPerTrigger"))
                .contains(OptionValue.of("1"));
        assertThat(preview.node("in").orElseThrow().option("path")).contains(OptionValue.of("data"));
    }

    @Test
    void otherNodesCheckpointAndOrderAreKeptOrDropped() {
        PipelineSpec preview = PreviewSpec.of(SPEC);

        assertThat(preview.node("keep")).contains(SPEC.node("keep").orElseThrow());
        assertThat(preview.node("show")).contains(SPEC.node("show").orElseThrow());
        assertThat(preview.nodes()).extracting(NodeSpec::id).containsExactly("in", "keep", "out", "bus", "show");
        assertThat(preview.checkpointLocation()).isNull();
        assertThat(preview.trigger()).isEqualTo(new Trigger.AvailableNow());
        assertThat(SPEC.node("out").orElseThrow().type()).isEqualTo("sink.file");
    }
}
