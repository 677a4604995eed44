package sluice.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.engine.cli.ChildRun.has;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.kafka.PartitionOffsets;
import sluice.engine.kafka.TestBroker;
import sluice.engine.sink.FileSinkLog;

/**
 * The Kafka source's crash promise: {@code sluice run} in a child JVM, killed with SIGKILL while a batch whose offsets
 * are logged has not committed, re-runs exactly that batch (the same offsets, read again from Kafka) when restarted
 * on the same checkpoint, and the file sink ends with every record once. Offsets live in the checkpoint only.
 */
class KafkaCrashRecoveryTest {
    private static final int RECORDS_PER_PARTITION = 30_000;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private ChildRun child;

    @Test
    void aKilledRunReRunsExactlyTheUncommittedBatchAndDeliversEveryRecordOnce() throws Exception {
        child = new ChildRun(dir, WAIT);
        String topic = TestBroker.createTopic("crash", 2);
        produce(topic);
        Path output = dir.resolve("output");
        Path checkpoint = dir.resolve("checkpoint");
        Path pipeline = writePipeline(topic, output);

        // Kill while a batch after the first two has its offsets logged but no commit.
        long killed = killWhenUncommitted(pipeline, checkpoint);
        String loggedBeforeKill = offsetsOf(checkpoint, killed);
        int exitCode = child.runToEnd(pipeline, checkpoint, "available-now");

        assertThat(exitCode).as(child.stderr()).isZero();
        assertThat(offsetsOf(checkpoint, killed)).as("batch %d re-ran with its logged offsets", killed)
                .isEqualTo(loggedBeforeKill);
        List<String> delivered = new ArrayList<>();
        for (Path file : FileSinkLog.committedFiles(output)) {
            delivered.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        }
        assertThat(delivered).hasSize(2 * RECORDS_PER_PARTITION).doesNotHaveDuplicates();
        Set<String> expected = new HashSet<>();
        for (int partition = 0; partition < 2; partition++) {
            for (int i = 0; i < RECORDS_PER_PARTITION; i++) {
                expected.add("p" + partition + "-" + i + "," + partition + "," + i);
            }
        }
        assertThat(new HashSet<>(delivered)).isEqualTo(expected);
        assertThat(Files.exists(checkpoint.resolve("sources/0/0"))).isTrue();
    }

    private static void produce(String topic) {
        try (KafkaProducer<byte[], byte[]> producer = TestBroker.producer()) {
            for (int partition = 0; partition < 2; partition++) {
                for (int i = 0; i < RECORDS_PER_PARTITION; i++) {
                    producer.send(new ProducerRecord<>(topic, partition, null,
                            ("p" + partition + "-" + i).getBytes(StandardCharsets.UTF_8)));
                }
            }
            producer.flush();
        }
    }

    /** Kills a processing-time run when batch 2 or later is logged and uncommitted; that batch's id. */
    private long killWhenUncommitted(Path pipeline, Path checkpoint) throws Exception {
        long[] found = {-1};
        child.killWhen(pipeline, checkpoint, "100 milliseconds", () -> {
            for (long batch = 2; has(checkpoint, "offsets", batch); batch++) {
                if (!has(checkpoint, "commits", batch)) {
                    found[0] = batch;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private Path writePipeline(String topic, Path output) throws IOException {
        Path file = dir.resolve("crash.sluice.json");
        Files.writeString(file, """
                {"format": "sluice/1", "name": "kafka-crash", "nodes": [
                  {"id": "in", "type": "source.kafka", "options": {"kafka.bootstrap.servers": "%s",
                    "subscribe": "%s", "startingOffsets": "earliest", "maxOffsetsPerTrigger": "6000"}},
                  {"id": "pick", "type": "transform.select", "inputs": ["in"],
                    "options": {"expressions": ["CAST(value AS STRING) AS v", "partition", "offset"]}},
                  {"id": "out", "type": "sink.file", "inputs": ["pick"], "options": {"path": "%s", "format": "csv"}}
                ]}
                """.formatted(TestBroker.bootstrap(), topic, output), StandardCharsets.UTF_8);
        return file;
    }

    /** The Kafka offsets logged for a batch (the offsets entry's last line). */
    private static String offsetsOf(Path checkpoint, long batchId) throws IOException {
        List<String> lines = Files.readAllLines(checkpoint.resolve("offsets").resolve(Long.toString(batchId)));
        Map<?, ?> parsed = PartitionOffsets.parse(lines.get(lines.size() - 1));
        assertThat(parsed).isNotEmpty();
        return lines.get(lines.size() - 1);
    }
}
