package sluice.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.broker.LocalBroker;
import sluice.engine.kafka.PipelineRun;
import sluice.engine.kafka.TestBroker;
import sluice.engine.pipeline.Trigger;
import sluice.engine.sink.FileSinkLog;

/**
 * A broker that goes away: restarted while a query reads it, the query waits for it (within the client's timeout) and
 * the file sink ends with every record once; stopped for good, the run ends with one line naming the broker, exit 1.
 * Both restart the shared broker before they end.
 */
class KafkaBrokerOutageTest {
    @TempDir
    Path dir;

    private String pipeline(String topic, String sourceOptions, String sink) {
        return """
                {"format": "sluice/1", "name": "outage", "nodes": [
                  {"id": "in", "type": "source.kafka", "options": {"kafka.bootstrap.servers": "%s",
                    "subscribe": "%s", "startingOffsets": "earliest"%s}},
                  {"id": "pick", "type": "transform.select", "inputs": ["in"],
                    "options": {"expressions": ["CAST(value AS STRING) AS v"]}},
                  %s
                ]}
                """.formatted(TestBroker.bootstrap(), topic, sourceOptions, sink);
    }

    @Test
    void aBrokerRestartedMidStreamLosesAndRepeatsNothingInAFileSink() throws Exception {
        String topic = TestBroker.createTopic("restart", 2);
        TestBroker.sendValues(topic, 0, values("a", 0, 200));
        TestBroker.sendValues(topic, 1, values("b", 0, 200));
        Path output = dir.resolve("output");
        String pipeline = pipeline(topic, ", \"maxOffsetsPerTrigger\": \"50\"", """
                {"id": "out", "type": "sink.file", "inputs": ["pick"], "options": {"path": "%s", "format": "csv"}}
                """.formatted(output));
        LocalBroker broker = TestBroker.get();

        try (PipelineRun run = PipelineRun.start(dir, pipeline,
                new Trigger.ProcessingTime(java.time.Duration.ofMillis(50), "50 milliseconds"),
                dir.resolve("checkpoint"))) {
            run.await(() -> committedLines(output).size() >= 100, "the first batches");
            broker.stop();
            broker.restart();
            TestBroker.sendValues(topic, 0, values("a", 200, 300));
            TestBroker.sendValues(topic, 1, values("b", 200, 300));
            run.await(() -> committedLines(output).size() >= 600, "every record in the file sink");
        }

        List<String> lines = committedLines(output);
        Set<String> expected = new HashSet<>(values("a", 0, 300));
        expected.addAll(values("b", 0, 300));
        assertThat(lines).hasSize(600).doesNotHaveDuplicates();
        assertThat(new HashSet<>(lines)).isEqualTo(expected);
    }

    @Test
    void aStoppedBrokerEndsTheRunWithOneLineNamingItAndExitCode1() throws Exception {
        String topic = TestBroker.createTopic("stopped", 1);
        Path file = dir.resolve("stopped.sluice.json");
        Files.writeString(file, pipeline(topic,
                ", \"kafka.default.api.timeout.ms\": \"2000\", \"kafka.request.timeout.ms\": \"1000\"",
                """
                {"id": "out", "type": "sink.console", "inputs": ["pick"], "options": {}}
                """), StandardCharsets.UTF_8);
        LocalBroker broker = TestBroker.get();

        broker.stop();
        CommandLineTest.Outcome outcome;
        try {
            outcome = CommandLineTest.run("run", file.toString(), "--trigger", "once");
        } finally {
            broker.restart();
        }

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.err().lines().toList()).containsExactly("error: in: no answer from the "
                + "Kafka broker at " + broker.bootstrapServers() + " within 2 s while asking for the starting offsets "
                + "of topic '" + topic + "'; is it running and reachable?");
    }

    private static List<String> committedLines(Path output) {
        List<String> lines = new ArrayList<>();
        try {
            for (Path part : FileSinkLog.committedFiles(output)) {
                lines.addAll(Files.readAllLines(part, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return lines;
    }

    private static List<String> values(String prefix, int from, int to) {
        List<String> values = new ArrayList<>();
        for (int i = from; i < to; i++) {
            values.add(prefix + "-" + i);
        }
        return values;
    }
}
