package sluice.engine.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which command-line arguments start the warm-up of kafka-clients' classes: real files, no broker needed. */
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
}
