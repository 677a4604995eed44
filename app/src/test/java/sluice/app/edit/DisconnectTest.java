package sluice.app.edit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sluice.engine.pipeline.PipelineSpec;

class DisconnectTest {
    @Test
    void removesOnlyThatEdge() {
        PipelineSpec after = new Disconnect(new Link("filter", "console", 0)).apply(Specs.chain());

        assertThat(after.node("console").orElseThrow().inputs()).isEmpty();
        assertThat(after.node("filter").orElseThrow().inputs()).containsExactly("rate");
    }

    @Test
    void leavesTheSpecAloneForAnEdgeThatIsNotThere() {
        assertThat(new Disconnect(new Link("rate", "console", 0)).apply(Specs.chain())).isEqualTo(Specs.chain());
    }

    @Test
    void describesTheEdge() {
        assertThat(new Disconnect(new Link("rate", "filter", 0)).description()).isEqualTo("Disconnect rate → filter");
    }
}
