package sluice.app.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.PipelineSpec;

class PasteNodesTest {
    private static final PipelineSpec CHAIN = Specs.chain();
    private static final List<NodeSpec> FILTER_AND_CONSOLE = CHAIN.nodes().subList(1, 3);

    @Test
    void pastedNodesGetFreshIdsAndKeepTheirInternalEdges() {
        PipelineSpec after = new PasteNodes(FILTER_AND_CONSOLE, 30, 30, "Paste").apply(CHAIN);

        assertThat(after.nodes()).extracting(NodeSpec::id)
                .containsExactly("rate", "filter", "console", "filter-1", "console-1");
        assertThat(after.node("console-1").orElseThrow().inputs()).containsExactly("filter-1");
    }

    @Test
    void inputsFromNodesNotPastedAreDropped() {
        PipelineSpec after = new PasteNodes(FILTER_AND_CONSOLE, 30, 30, "Paste").apply(CHAIN);

        assertThat(after.node("filter-1").orElseThrow().inputs()).isEmpty();
    }

    @Test
    void copiesAreOffsetAndKeepOptions() {
        NodeSpec copy = new PasteNodes(FILTER_AND_CONSOLE, 30, 40, "Paste").apply(CHAIN).node("filter-1").orElseThrow();

        assertThat(copy.x()).isEqualTo(40);
        assertThat(copy.y()).isEqualTo(60);
        assertThat(copy.options()).isEqualTo(CHAIN.node("filter").orElseThrow().options());
    }

    @Test
    void newIdsTellWhichIdEachCopyGets() {
        assertThat(new PasteNodes(FILTER_AND_CONSOLE, 0, 0, "Paste").newIds(CHAIN))
                .containsExactly(org.assertj.core.api.Assertions.entry("filter", "filter-1"),
                        org.assertj.core.api.Assertions.entry("console", "console-1"));
    }

    @Test
    void describesTheCount() {
        assertThat(new PasteNodes(FILTER_AND_CONSOLE, 0, 0, "Paste").description()).isEqualTo("Paste 2 nodes");
        assertThat(new PasteNodes(FILTER_AND_CONSOLE.subList(0, 1), 0, 0, "Duplicate").description())
                .isEqualTo("Duplicate 1 node");
    }
}
