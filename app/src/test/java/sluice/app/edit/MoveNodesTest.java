package sluice.app.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sluice.engine.pipeline.PipelineSpec;

class MoveNodesTest {
    @Test
    void movesOnlyTheNamedNodesByTheSameDistance() {
        PipelineSpec after = new MoveNodes(List.of("rate", "console"), 5, -7).apply(Specs.chain());

        assertThat(after.node("rate").orElseThrow().x()).isEqualTo(15);
        assertThat(after.node("rate").orElseThrow().y()).isEqualTo(13);
        assertThat(after.node("console").orElseThrow().x()).isEqualTo(15);
        assertThat(after.node("filter").orElseThrow().x()).isEqualTo(10);
    }

    @Test
    void keepsInputsAndOptions() {
        PipelineSpec after = new MoveNodes(List.of("filter"), 1, 1).apply(Specs.chain());

        assertThat(after.node("filter").orElseThrow().inputs()).containsExactly("rate");
        assertThat(after.node("filter").orElseThrow().options()).containsKey("condition");
    }

    @Test
    void describesOneNodeByIdAndSeveralByCount() {
        assertThat(new MoveNodes(List.of("rate"), 1, 0).description()).isEqualTo("Move rate");
        assertThat(new MoveNodes(List.of("rate", "filter"), 1, 0).description()).isEqualTo("Move 2 nodes");
    }
}
