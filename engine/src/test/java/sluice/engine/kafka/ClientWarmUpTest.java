package sluice.engine.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.pipeline.PipelineJson;
import sluice.engine.pipeline.Trigger;
import sluice.engine.types.Row;

/**
 * Which command-line arguments start the warm-up of kafka-clients' classes (real files, no broker needed), and the
 * Admin it makes ahead for a Kafka source, which the source takes (a real broker).
 */
class ClientWarmUpTest {
    @TempDir
    Path dir;

    @Test
    void pipelineFilesWithAKafkaSourceOrSinkAreRecognized() throws IOException {
        Path source = Files.writeString(dir.resolve("in.sluice.json"), """
                {"format": "sluice/1", "nodes": [{"id": "in", "type": "source.kafka", "options": {}}]}""");
        Path sink = Files.writeString(dir.resolve("out.sluice.json"), """
                {"format": "sluice/1", "nodes": [{"id": "out", "type":"sink.kafka", "inputs": ["in"]}]}""");

        assertThat(ClientWarmUp.mentionsKafka(source.toString())).isTrue();
        assertThat(ClientWarmUp.mentionsKafka(sink.toString())).isTrue();
    }

    @Test
    void otherArgumentsAreNot() throws IOException {
        Path csv = Files.writeString(dir.resolve("csv.sluice.json"), """
                {"format": "sluice/1", "nodes": [{"id": "in", "type": "source.file", "options": {"path": "k"}}]}""");
        Path large = dir.resolve("large.sluice.json");
        Files.writeString(large, "\"source.kafka\"" + " ".repeat(1 << 20));

        assertThat(ClientWarmUp.mentionsKafka(csv.toString())).isFalse();
        assertThat(ClientWarmUp.mentionsKafka(large.toString())).isFalse();
        assertThat(ClientWarmUp.mentionsKafka("--trigger")).isFalse();
        assertThat(ClientWarmUp.mentionsKafka(dir.resolve("missing.sluice.json").toString())).isFalse();
        assertThat(ClientWarmUp.mentionsKafka(dir.toString())).isFalse();
        assertThat(ClientWarmUp.mentionsKafka("\0")).isFalse();
    }

    @Test
    void aSourceNodesSettingsAreItsKafkaOptionsButTheGroupId() throws IOException {
        Path file = Files.writeString(dir.resolve("in.sluice.json"), """
                {"format": "sluice/1", "nodes": [{"id": "in", "type": "source.kafka", "options": {
                  "kafka.bootstrap.servers": "127.0.0.1:9", "Kafka.Client.Id": "c", "kafka.group.id": "g",
                  "subscribe": "t"}},
                  {"id": "none", "type": "source.kafka", "options": {"kafka.bootstrap.servers": " ", "subscribe": "t"}}
                ]}""");
        var nodes = PipelineJson.read(file).spec().nodes();

        assertThat(ClientWarmUp.sourceSettings(nodes.get(0)))
                .isEqualTo(Map.of("bootstrap.servers", "127.0.0.1:9", "Client.Id", "c"));
        assertThat(ClientWarmUp.sourceSettings(nodes.get(1))).isEmpty();
    }

    @Test
    void theSourceTakesTheAdminMadeAheadForItsSettings() throws IOException {
        String topic = TestBroker.createTopic("ahead", 1);
        TestBroker.sendValues(topic, 0, List.of("a", "b"));
        String pipeline = """
                {"format": "sluice/1", "nodes": [
                  {"id": "in", "type": "source.kafka", "options": {"kafka.bootstrap.servers": "%s",
                   "subscribe": "%s", "startingOffsets": "earliest", "kafka.request.timeout.ms": "20000"}},
                  {"id": "pick", "type": "transform.select", "inputs": ["in"],
                   "options": {"expressions": ["CAST(value AS STRING) AS v"]}},
                  {"id": "out", "type": "sink.memory", "inputs": ["pick"], "options": {"queryName": "out"}}
                ]}""".formatted(TestBroker.bootstrap(), topic);
        Path file = Files.writeString(dir.resolve("pipeline.sluice.json"), pipeline);

        assertThat(ClientWarmUp.makeAdminsAhead(file)).isTrue();
        assertThat(AdminClients.waiting()).isEqualTo(1);
        try (PipelineRun run = PipelineRun.start(dir, pipeline, new Trigger.AvailableNow(), null)) {
            run.awaitEnd();

            assertThat(run.rows()).containsExactly(Row.of("a"), Row.of("b"));
        }
        assertThat(AdminClients.waiting()).as("taken by the source").isZero();
    }
}
