package sluice.app.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.PipelineSpec;

class RemoveElementsTest {
    @Test
    void removingANodeRemovesTheEdgesIntoAndOutOfIt() {
        PipelineSpec after = RemoveElements.nodes(List.of("filter")).apply(Specs.chain());

        assertThat(after.nodes()).extracting(NodeSpec::id).containsExactly("rate", "console");
        assertThat(after.node("console").orElseThrow().inputs()).isEmpty();
    }

    @Test
    void removingAnEdgeKeepsBothNodes() {
        PipelineSpec after = RemoveElements.edge(new Link("rate", "filter", 0)).apply(Specs.chain());

        assertThat(after.nodes()).hasSize(3);
        assertThat(after.node("filter").orElseThrow().inputs()).isEmpty();
        assertThat(after.node("console").orElseThrow().inputs()).containsExactly("filter");
    }

    @Test
    void otherInputsKeepTheirOrder() {
        PipelineSpec spec = Specs.of(Specs.node("a", "source.rate"), Specs.node("b", "source.rate"),
                Specs.node("c", "source.rate"), Specs.node("u", "transform.union", "a", "b", "c"));

        PipelineSpec after = RemoveElements.nodes(List.of("b")).apply(spec);

        assertThat(after.node("u").orElseThrow().inputs()).containsExactly("a", "c");
    }

    @Test
    void describesWhatGoes() {
        assertThat(RemoveElements.nodes(List.of("filter")).description()).isEqualTo("Delete filter");
        assertThat(RemoveElements.nodes(List.of("a", "b")).description()).isEqualTo("Delete 2 nodes");
        assertThat(new RemoveElements(List.of("a", "b"), List.of(new Link("x", "y", 0))).description())
                .isEqualTo("Delete 2 nodes and edge x → y");
    }
}
