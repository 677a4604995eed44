package sluice.engine.source.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.SluiceException;
import sluice.engine.kafka.PipelineRun;
import sluice.engine.kafka.TestBroker;
import sluice.engine.pipeline.Trigger;
import sluice.engine.types.Bytes;
import sluice.engine.types.Row;

/** The Kafka source against a real broker: Spark's columns, batches, starting offsets, new partitions, data loss. */
class KafkaSourceTest {
    @TempDir
    Path dir;

    /** A pipeline reading {@code source options} into memory table 'out' through {@code expressions}. */
    static String pipeline(String sourceOptions, String... expressions) {
        String select = expressions.length == 0 ? "" : """
                {"id": "pick", "type": "transform.select", "inputs": ["in"], "options": {"expressions": [%s]}},
                """.formatted(String.join(", ", List.of(expressions).stream().map(e -> "\"" + e + "\"").toList()));
        return """
                {"format": "sluice/1", "name": "kafka", "nodes": [
                  {"id": "in", "type": "source.kafka", "options": {"kafka.bootstrap.servers": "%s", %s}},
                  %s
                  {"id": "out", "type": "sink.memory", "inputs": ["%s"], "options": {"queryName": "out"}}
                ]}
                """.formatted(TestBroker.bootstrap(), sourceOptions, select, expressions.length == 0 ? "in" : "pick");
    }

    @Test
    void readsKeyValueTopicPartitionOffsetTimestampAndHeadersAsSpark() {
        String topic = TestBroker.createTopic("columns", 1);
        long before = System.currentTimeMillis();
        TestBroker.send(List.of(
                new ProducerRecord<>(topic, 0, "k1".getBytes(StandardCharsets.UTF_8),
                        "hello".getBytes(StandardCharsets.UTF_8),
                        List.of(new RecordHeader("h", new byte[] {1, 2}))),
                new ProducerRecord<>(topic, 0, null, null)));

        try (PipelineRun run = PipelineRun.start(dir, pipeline(("\"subscribe\": \"%s\", \"startingOffsets\": "
                + "\"earliest\", \"includeHeaders\": \"true\"").formatted(topic)), new Trigger.AvailableNow(), null)) {
            run.awaitEnd();

            List<Row> rows = run.rows();
            assertThat(rows).hasSize(2);
            Row first = rows.get(0);
            assertThat(first.values().subList(0, 5)).containsExactly(Bytes.utf8("k1"), Bytes.utf8("hello"), topic, 0,
                    0L);
            assertThat((Instant) first.get(5)).isBetween(Instant.ofEpochMilli(before), Instant.now());
            assertThat(first.get(6)).isEqualTo(0);
            assertThat(first.get(7)).isEqualTo(List.of(Row.of("h", Bytes.of((byte) 1, (byte) 2))));
            assertThat(rows.get(1).values().subList(0, 5)).containsExactly(null, null, topic, 0, 1L);
            assertThat(rows.get(1).get(7)).as("Spark's headers of a record without any").isNull();
        }
    }

    @Test
    void castsValueToStringAsSpark() {
        String topic = TestBroker.createTopic("cast", 1);
        TestBroker.sendValues(topic, 0, List.of("héllo", "wörld"));

        try (PipelineRun run = PipelineRun.start(dir, pipeline(("\"subscribe\": \"%s\", \"startingOffsets\": "
                + "\"earliest\"").formatted(topic), "CAST(value AS STRING) AS text", "hex(value) AS hex"),
                new Trigger.AvailableNow(), null)) {
            run.awaitEnd();

            assertThat(run.rows()).containsExactly(Row.of("héllo", "68C3A96C6C6F"), Row.of("wörld", "77C3B6726C64"));
        }
    }

    @Test
    void maxOffsetsPerTriggerSharesEachBatchAmongPartitionsByBacklogAsSpark() {
        String topic = TestBroker.createTopic("limit", 2);
        TestBroker.sendValues(topic, 0, values("a", 9));
        TestBroker.sendValues(topic, 1, values("b", 3));

        try (PipelineRun run = PipelineRun.start(dir, pipeline(("\"subscribe\": \"%s\", \"startingOffsets\": "
                + "\"earliest\", \"maxOffsetsPerTrigger\": \"4\"").formatted(topic), "partition", "offset"),
                new Trigger.AvailableNow(), null)) {
            run.awaitEnd();

            // Batch 0: 4 * 9/12 = 3 from partition 0 and 4 * 3/12 = 1 from partition 1; and so on.
            assertThat(run.batches().stream().map(List::size).toList()).containsExactly(4, 4, 4);
            assertThat(run.batches().get(0)).containsExactlyInAnyOrder(Row.of(0, 0L), Row.of(0, 1L), Row.of(0, 2L),
                    Row.of(1, 0L));
        }
    }

    @Test
    void startingOffsetsLatestSkipsWhatWasThereAndSpecificOffsetsStartWhereTheySay() {
        String topic = TestBroker.createTopic("start", 2);
        TestBroker.sendValues(topic, 0, values("old", 3));
        TestBroker.sendValues(topic, 1, values("old", 3));

        Path checkpoint = dir.resolve("checkpoint");
        try (PipelineRun latest = PipelineRun.start(dir, pipeline("\"subscribe\": \"%s\"".formatted(topic),
                "CAST(value AS STRING) AS v"), Trigger.DEFAULT, checkpoint)) {
            latest.await(() -> Files.exists(checkpoint.resolve("sources/0/0")), "the starting offsets");
            TestBroker.sendValues(topic, 0, List.of("new"));
            latest.await(() -> !latest.rows().isEmpty(), "the new record");
            assertThat(latest.rows()).containsExactly(Row.of("new"));
        }
        try (PipelineRun specific = PipelineRun.start(dir, pipeline(("\"subscribe\": \"%s\", \"startingOffsets\": "
                + "\"{\\\"%s\\\":{\\\"0\\\":2,\\\"1\\\":-2}}\"").formatted(topic, topic), "CAST(value AS STRING) AS v",
                "partition"), new Trigger.AvailableNow(), null)) {
            specific.awaitEnd();
            assertThat(specific.rows()).containsExactlyInAnyOrder(Row.of("old-2", 0), Row.of("new", 0),
                    Row.of("old-0", 1), Row.of("old-1", 1), Row.of("old-2", 1));
        }
    }

    @Test
    void partitionsAddedWhileRunningAreReadFromTheirFirstRecord() {
        String topic = TestBroker.createTopic("grow", 1);
        TestBroker.sendValues(topic, 0, List.of("p0"));

        try (PipelineRun run = PipelineRun.start(dir, pipeline(("\"subscribe\": \"%s\", \"startingOffsets\": "
                + "\"earliest\"").formatted(topic), "CAST(value AS STRING) AS v", "partition"), Trigger.DEFAULT,
                null)) {
            run.await(() -> run.rows().size() == 1, "the first record");
            TestBroker.addPartitions(topic, 2);
            TestBroker.sendValues(topic, 1, List.of("p1-a", "p1-b"));
            run.await(() -> run.rows().size() == 3, "the records of the new partition");

            assertThat(run.rows()).containsExactly(Row.of("p0", 0), Row.of("p1-a", 1), Row.of("p1-b", 1));
        }
    }

    @Test
    void startingOffsetsAreKeptInTheCheckpointAsSparkWritesThem() throws Exception {
        String topic = TestBroker.createTopic("initial", 2);
        TestBroker.sendValues(topic, 1, values("x", 2));
        Path checkpoint = dir.resolve("checkpoint");

        try (PipelineRun run = PipelineRun.start(dir, pipeline(("\"subscribe\": \"%s\", \"startingOffsets\": "
                + "\"earliest\"").formatted(topic)), new Trigger.AvailableNow(), checkpoint)) {
            run.awaitEnd();
        }

        byte[] initial = Files.readAllBytes(checkpoint.resolve("sources/0/0"));
        assertThat(initial[0]).isZero();
        assertThat(new String(initial, 1, initial.length - 1, StandardCharsets.UTF_8))
                .isEqualTo("v1\n{\"%s\":{\"0\":0,\"1\":0}}".formatted(topic));
        assertThat(Files.readAllLines(checkpoint.resolve("offsets/0")).get(2))
                .isEqualTo("{\"%s\":{\"0\":0,\"1\":2}}".formatted(topic));
    }

    @Test
    void offsetsGoneFromTheBrokerFailTheQueryUnlessFailOnDataLossIsFalse() throws Exception {
        String topic = TestBroker.createTopic("lost", 1);
        TestBroker.sendValues(topic, 0, values("r", 10));
        Path checkpoint = dir.resolve("checkpoint");
        String options = "\"subscribe\": \"%s\", \"startingOffsets\": \"earliest\", \"maxOffsetsPerTrigger\": \"3\""
                .formatted(topic);
        try (PipelineRun first = PipelineRun.start(dir, pipeline(options, "CAST(value AS STRING) AS v"),
                Trigger.DEFAULT, checkpoint)) {
            first.await(() -> first.rows().size() >= 3, "the first batch");
        }
        deleteRecordsBefore(new TopicPartition(topic, 0), 8);

        PipelineRun failing = PipelineRun.start(dir, pipeline(options, "CAST(value AS STRING) AS v"),
                new Trigger.AvailableNow(), checkpoint);
        assertThatThrownBy(failing::awaitEnd).isInstanceOfSatisfying(SluiceException.class, e -> {
            assertThat(e.problem().code()).isEqualTo(ErrorCode.SOURCE_FAILED);
            assertThat(e.problem().where().nodeId()).isEqualTo("in");
            assertThat(e.problem().message()).matches("offset \\d of topic '" + topic + "' partition 0 is no longer "
                    + "in Kafka at 127.0.0.1:\\d+ \\(the earliest is 8\\): records were aged out or the topic was "
                    + "deleted before they were read; set 'failOnDataLoss' to 'false' to skip them");
        });

        try (PipelineRun skipping = PipelineRun.start(dir, pipeline(options + ", \"failOnDataLoss\": \"false\"",
                "CAST(value AS STRING) AS v"), new Trigger.AvailableNow(), checkpoint)) {
            skipping.awaitEnd();
            assertThat(skipping.rows()).containsExactly(Row.of("r-8"), Row.of("r-9"));
        }
    }

    private static void deleteRecordsBefore(TopicPartition partition, long offset)
            throws ExecutionException, InterruptedException {
        try (Admin admin = TestBroker.admin()) {
            admin.deleteRecords(Map.of(partition, RecordsToDelete.beforeOffset(offset))).all().get();
        }
    }

    static List<String> values(String prefix, int count) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(prefix + "-" + i);
        }
        return values;
    }
}
