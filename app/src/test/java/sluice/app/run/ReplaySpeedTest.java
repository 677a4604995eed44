package sluice.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;

class ReplaySpeedTest {
    private static PipelineSpec withSource(String type) {
        return new PipelineSpec(PipelineSpec.FORMAT, "p", Trigger.DEFAULT, null,
                List.of(new NodeSpec("in", type, List.of(), 0, 0, Map.of())));
    }

    @Test
    void speedDividesTheIntervalForFileSources() {
        Trigger.ProcessingTime trigger = ReplaySpeed.DOUBLE.triggerFor(withSource("source.file"));

        assertThat(trigger.interval()).isEqualTo(Duration.ofMillis(500));
        assertThat(trigger.text()).isEqualTo("500 milliseconds");
    }

    @Test
    void quarterSpeedWaitsFourSeconds() {
        Trigger.ProcessingTime trigger = ReplaySpeed.QUARTER.triggerFor(withSource("source.file"));

        assertThat(trigger.interval()).isEqualTo(Duration.ofSeconds(4));
        assertThat(trigger.text()).isEqualTo("4 seconds");
    }

    @Test
    void pipelinesWithoutFileSourcesKeepOneSecond() {
        Trigger.ProcessingTime trigger = ReplaySpeed.TEN.triggerFor(withSource("source.rate"));

        assertThat(trigger.interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(trigger.text()).isEqualTo("1 second");
    }
}
