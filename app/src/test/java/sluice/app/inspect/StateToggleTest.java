package sluice.app.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sluice.engine.pipeline.PipelineJson;
import sluice.engine.pipeline.PipelineSpec;

/** Which nodes offer the State view: the ones whose operator keeps state, decided from the pipeline alone. */
class StateToggleTest {
    private static final PipelineSpec PIPELINE = PipelineJson.parse("""
            {"format": "sluice/1", "name": "joins", "nodes": [
              {"id": "clicks", "type": "source.rate"},
              {"id": "ads", "type": "source.rate"},
              {"id": "table", "type": "source.file", "options": {"path": "t", "format": "csv", "STATIC": " True "}},
              {"id": "picked", "type": "transform.select", "inputs": ["table"], "options": {"expressions": ["*"]}},
              {"id": "streams", "type": "transform.join", "inputs": ["clicks", "ads"]},
              {"id": "withTable", "type": "transform.join", "inputs": ["clicks", "picked"]},
              {"id": "counts", "type": "transform.aggregate", "inputs": ["withTable"]},
              {"id": "afterJoin", "type": "transform.join", "inputs": ["withTable", "ads"]}
            ]}""").spec();

    @Test
    void aJoinOfTwoStreamsOffersItsState() {
        assertThat(keepsState("streams")).isTrue();
        assertThat(keepsState("afterJoin")).isTrue();
    }

    @Test
    void aJoinWithAStaticTableKeepsNoStateEvenThroughAStatelessTransform() {
        assertThat(keepsState("withTable")).isFalse();
    }

    @Test
    void anAggregationKeepsStateAndASelectNone() {
        assertThat(keepsState("counts")).isTrue();
        assertThat(keepsState("picked")).isFalse();
    }

    private static boolean keepsState(String id) {
        return StateToggle.keepsState(PIPELINE, PIPELINE.node(id).orElseThrow());
    }
}
