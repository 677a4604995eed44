package sluice.app.edit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.PipelineSpec;

class AddNodeTest {
    @Test
    void addsTheNodeAtTheEnd() {
        NodeSpec added = Specs.node("filter-1", "transform.filter");

        PipelineSpec after = new AddNode(added).apply(Specs.chain());

        assertThat(after.nodes()).hasSize(4).last().isEqualTo(added);
    }

    @Test
    void leavesTheSpecAloneWhenTheIdIsTaken() {
        PipelineSpec before = Specs.chain();

        PipelineSpec after = new AddNode(Specs.node("rate", "source.rate")).apply(before);

        assertThat(after).isEqualTo(before);
    }

    @Test
    void describesItselfByTheNewId() {
        assertThat(new AddNode(Specs.node("filter-1", "transform.filter")).description()).isEqualTo("Add filter-1");
    }
}
