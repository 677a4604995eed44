package sluice.engine.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which pipeline texts start the warm-up of kafka-clients' classes (reading the file: WarmUpsTest). */
class ClientWarmUpTest {
    @Test
    void pipelinesWithAKafkaSourceOrSinkWantIt() {
        assertThat(ClientWarmUp.wantedBy("""
                {"format": "sluice/1", "nodes": [{"id": "in", "type": "source.kafka", "options": {}}]}""")).isTrue();
        assertThat(ClientWarmUp.wantedBy("""
                {"format": "sluice/1", "nodes": [{"id": "out", "type":"sink.kafka", "inputs": ["in"]}]}""")).isTrue();
    }

    @Test
    void otherPipelinesDoNot() {
        assertThat(ClientWarmUp.wantedBy("""
                {"format": "sluice/1", "nodes": [{"id": "in", "type": "source.file", "options": {"path": "k"}}]}"""))
                .isFalse();
    }
}
