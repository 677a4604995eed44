package sluice.app.edit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.plan.NodeCatalog;

class ConnectTest {
    private static final NodeCatalog CATALOG = NodeCatalog.standard();

    private static PipelineSpec loose() {
        return Specs.of(Specs.node("rate", "source.rate"), Specs.node("socket", "source.socket"),
                Specs.node("filter", "transform.filter"), Specs.node("select", "transform.select", "filter"),
                Specs.node("union", "transform.union", "rate"), Specs.node("console", "sink.console"));
    }

    @Test
    void makesTheSourceAnInputOfTheTarget() {
        Connect connect = new Connect("rate", "filter", 0);

        PipelineSpec after = connect.apply(loose());

        assertThat(connect.refusal(loose(), CATALOG)).isEmpty();
        assertThat(after.node("filter").orElseThrow().inputs()).containsExactly("rate");
    }

    @Test
    void insertsAtTheInputIndexOrLast() {
        PipelineSpec after = new Connect("socket", "union", 0).apply(loose());
        PipelineSpec appended = new Connect("socket", "union", 9).apply(loose());

        assertThat(after.node("union").orElseThrow().inputs()).containsExactly("socket", "rate");
        assertThat(appended.node("union").orElseThrow().inputs()).containsExactly("rate", "socket");
    }

    @Test
    void refusesANodeIntoItself() {
        assertThat(new Connect("filter", "filter", 0).refusal(loose(), CATALOG))
                .contains("cannot connect 'filter' to itself");
    }

    @Test
    void refusesAnInputIntoASource() {
        assertThat(new Connect("filter", "rate", 0).refusal(loose(), CATALOG))
                .contains("'rate' is a source; a source takes no input");
    }

    @Test
    void refusesAnOutputFromASink() {
        assertThat(new Connect("console", "filter", 0).refusal(loose(), CATALOG))
                .contains("'console' is a sink; a sink has no output");
    }

    @Test
    void refusesMoreInputsThanTheKindTakes() {
        PipelineSpec spec = new Connect("rate", "filter", 0).apply(loose());

        assertThat(new Connect("socket", "filter", 0).refusal(spec, CATALOG))
                .contains("'filter' (transform.filter) takes at most 1 input");
    }

    @Test
    void refusesACycle() {
        assertThat(new Connect("select", "filter", 0).refusal(loose(), CATALOG))
                .contains("connecting 'select' to 'filter' would make a cycle");
    }

    @Test
    void refusesTheSameInputTwice() {
        assertThat(new Connect("rate", "union", 1).refusal(loose(), CATALOG))
                .contains("'rate' is already an input of 'union'");
    }

    @Test
    void refusesAJoinsRightInputBeforeItsLeftOne() {
        PipelineSpec spec = Specs.of(Specs.node("rate", "source.rate"), Specs.node("socket", "source.socket"),
                Specs.node("join", "transform.join"));

        PipelineSpec withLeft = new Connect("rate", "join", 0).apply(spec);

        assertThat(new Connect("rate", "join", 1).refusal(spec, CATALOG))
                .contains("'join' has no left input yet; connect its left input first");
        assertThat(new Connect("socket", "join", 1).refusal(withLeft, CATALOG)).isEmpty();
        assertThat(new Connect("socket", "join", 1).apply(withLeft).node("join").orElseThrow().inputs())
                .containsExactly("rate", "socket");
    }

    @Test
    void describesTheEdge() {
        assertThat(new Connect("rate", "filter", 0).description()).isEqualTo("Connect rate → filter");
    }
}
