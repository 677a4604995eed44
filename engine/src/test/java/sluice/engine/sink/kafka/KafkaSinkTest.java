package sluice.engine.sink.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.diag.SluiceException;
import sluice.engine.kafka.PipelineRun;
import sluice.engine.kafka.TestBroker;
import sluice.engine.pipeline.Trigger;

/** The Kafka sink against a real broker: what each column becomes, and the checks made before a run. */
class KafkaSinkTest {
    @TempDir
    Path dir;

    private String pipeline(String expressions, String sinkOptions) throws Exception {
        Path input = Files.createDirectories(dir.resolve("input"));
        Files.writeString(input.resolve("a.json"), """
                {"id": 1, "name": "ada", "part": 1}
                {"id": 2, "name": "bob", "part": 0}
                {"id": 3, "name": null, "part": 1}
                """, StandardCharsets.UTF_8);
        return """
                {"format": "sluice/1", "name": "to-kafka", "nodes": [
                  {"id": "in", "type": "source.file", "options": {"path": "input", "format": "json",
                    "schema": "id INT, name STRING, part INT"}},
                  {"id": "pick", "type": "transform.select", "inputs": ["in"], "options": {"expressions": [%s]}},
                  {"id": "out", "type": "sink.kafka", "inputs": ["pick"],
                    "options": {"kafka.bootstrap.servers": "%s", %s}}
                ]}
                """.formatted(expressions, TestBroker.bootstrap(), sinkOptions);
    }

    @Test
    void writesValueKeyAndPartitionColumnsToTheTopicOption() throws Exception {
        String topic = TestBroker.createTopic("sink", 2);

        try (PipelineRun run = PipelineRun.start(dir, pipeline("\"name AS value\", \"CAST(id AS STRING) AS key\", "
                + "\"part AS partition\"", "\"topic\": \"" + topic + "\""), new Trigger.AvailableNow(), null)) {
            run.awaitEnd();
        }

        List<ConsumerRecord<byte[], byte[]>> records = TestBroker.readAll(topic);
        assertThat(records).extracting(r -> r.partition() + ":" + text(r.key()) + ":" + text(r.value()))
                .containsExactly("0:2:bob", "1:1:ada", "1:3:null");
        assertThat(records.get(2).value()).isNull();
    }

    @Test
    void copiesRecordsWithTheirHeadersFromTopicToTopic() throws Exception {
        String from = TestBroker.createTopic("copy-from", 1);
        String to = TestBroker.createTopic("copy-to", 1);
        TestBroker.send(List.of(new ProducerRecord<>(from, 0, "k".getBytes(StandardCharsets.UTF_8),
                "v".getBytes(StandardCharsets.UTF_8), List.of(new RecordHeader("h", new byte[] {7}),
                new RecordHeader("empty", null)))));
        String copy = """
                {"format": "sluice/1", "name": "copy", "nodes": [
                  {"id": "in", "type": "source.kafka", "options": {"kafka.bootstrap.servers": "%1$s",
                    "subscribe": "%2$s", "startingOffsets": "earliest", "includeHeaders": "true"}},
                  {"id": "pick", "type": "transform.select", "inputs": ["in"],
                    "options": {"expressions": ["key", "upper(CAST(value AS STRING)) AS value", "headers"]}},
                  {"id": "out", "type": "sink.kafka", "inputs": ["pick"],
                    "options": {"kafka.bootstrap.servers": "%1$s", "topic": "%3$s"}}
                ]}
                """.formatted(TestBroker.bootstrap(), from, to);

        try (PipelineRun run = PipelineRun.start(dir, copy, new Trigger.AvailableNow(), null)) {
            run.awaitEnd();
        }

        ConsumerRecord<byte[], byte[]> record = TestBroker.readAll(to).get(0);
        assertThat(text(record.key()) + ":" + text(record.value())).isEqualTo("k:V");
        assertThat(record.headers().toArray()).extracting(h -> h.key() + "=" + java.util.Arrays.toString(h.value()))
                .containsExactly("h=[7]", "empty=null");
    }

    @Test
    void topicColumnNamesEachRecordsTopicWhenTheOptionIsNotSet() throws Exception {
        String odd = TestBroker.createTopic("odd", 1);
        String even = TestBroker.createTopic("even", 1);

        try (PipelineRun run = PipelineRun.start(dir, pipeline(("\"CAST(id AS STRING) AS value\", "
                + "\"CASE WHEN id %% 2 = 0 THEN '%s' ELSE '%s' END AS topic\"").formatted(even, odd),
                "\"kafka.acks\": \"all\""), new Trigger.AvailableNow(), null)) {
            run.awaitEnd();
        }

        assertThat(TestBroker.readAll(odd)).extracting(r -> text(r.value()))
                .containsExactly("1", "3");
        assertThat(TestBroker.readAll(even)).extracting(r -> text(r.value()))
                .containsExactly("2");
    }

    @Test
    void aMissingValueColumnIsAProblemOfTheNodeBeforeTheRun() throws Exception {
        List<Problem> problems = PipelineRun.problems(dir, pipeline("\"name\", \"id\"", "\"topic\": \"t\""));

        assertThat(problems).containsExactly(Problem.of(ErrorCode.TYPE_MISMATCH, Position.node("out"),
                "the input has no 'value' column; add one (STRING or BINARY), such as 'CAST(name AS STRING) AS "
                        + "value'; its columns are 'name', 'id'"));
    }

    @Test
    void noTopicAndWrongColumnTypesAreProblemsBeforeTheRun() throws Exception {
        List<Problem> problems = PipelineRun.problems(dir, pipeline("\"id AS value\", \"id AS key\"",
                "\"kafka.key.serializer\": \"x\""));

        assertThat(problems).extracting(Problem::render).containsExactly(
                "out / kafka.key.serializer: Kafka option 'key.serializer' is not supported: records are written as "
                        + "bytes; turn the column into STRING or BINARY first",
                "out / topic: the input has no 'topic' column and the 'topic' option is not set; set the option or "
                        + "add a STRING column 'topic'",
                "out: column 'value' must be STRING or BINARY, not INT",
                "out: column 'key' must be STRING or BINARY, not INT");
    }

    @Test
    void aTopicTheBrokerDoesNotHaveFailsTheRunWithOneLineAfterTheProducersWait() throws Exception {
        String missing = TestBroker.topicName("missing");

        PipelineRun run = PipelineRun.start(dir, pipeline("\"name AS value\"", "\"topic\": \"" + missing
                + "\", \"kafka.max.block.ms\": \"1500\""), new Trigger.AvailableNow(), null);

        assertThatThrownBy(run::awaitEnd).isInstanceOfSatisfying(SluiceException.class, e -> {
            assertThat(e.problem().code()).isEqualTo(ErrorCode.SINK_FAILED);
            assertThat(e.problem().render()).isEqualTo("out: the Kafka broker at " + TestBroker.bootstrap()
                    + " did not know the topic within 1500 ms while writing to topic '" + missing + "'; create the "
                    + "topic, or check that the broker is running");
        });
    }

    @Test
    void stopWhileTheProducerWaitsForATopicEndsTheRunWithoutAFailureAndCommitsNothing() throws Exception {
        String missing = TestBroker.topicName("never-made");
        Path checkpoint = dir.resolve("checkpoint");
        PipelineRun run = PipelineRun.start(dir, pipeline("\"name AS value\"", "\"topic\": \"" + missing + "\""),
                new Trigger.AvailableNow(), checkpoint);
        run.await(KafkaSinkTest::producerWaitsForMetadata, "the producer waiting for the topic");

        assertTimeoutPreemptively(Duration.ofSeconds(20), run.query()::stop, "stop waited for the producer");

        assertThat(run.query().exception()).isEmpty();
        assertThat(checkpoint.resolve("offsets/0")).exists();
        assertThat(checkpoint.resolve("commits/0")).doesNotExist();
    }

    /** Whether a thread is in KafkaProducer's wait for a topic's metadata, where send blocks up to max.block.ms. */
    private static boolean producerWaitsForMetadata() {
        return Thread.getAllStackTraces().values().stream().flatMap(Arrays::stream)
                .anyMatch(frame -> frame.getClassName().equals(KafkaProducer.class.getName())
                        && frame.getMethodName().equals("waitOnMetadata"));
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "null" : new String(bytes, StandardCharsets.UTF_8);
    }
}
