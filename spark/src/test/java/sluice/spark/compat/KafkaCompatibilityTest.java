package sluice.spark.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import sluice.broker.LocalBroker;

/**
 * The Kafka cases of the compatibility suite, against one real broker for the class: every pipeline under
 * {@code compat/kafka/cases} reads the same topics on Sluice and on Spark 4.1 (spark-sql-kafka-0-10), available-now,
 * and both must give the same batches ({@code maxOffsetsPerTrigger} makes them deterministic), console text and
 * memory tables. Then what Sluice's Kafka sink writes, Spark reads back as it reads what its own sink wrote. The
 * broker address in the case files is the word BOOTSTRAP, replaced when the cases are copied.
 */
class KafkaCompatibilityTest {
    private static final String SUFFIX = ".sluice.json";
    /** Records in topic 'events': 2 partitions; keys, JSON values, headers and times vary on purpose. */
    private static final int EVENTS = 30;
    /** As the main suite's: {@code -Dsluice.compat.only=console,columns} keeps the cases whose name has a part. */
    private static final List<String> ONLY = Stream.of(System.getProperty("sluice.compat.only", "").split(","))
            .map(String::strip).filter(part -> !part.isEmpty()).toList();
    private static LocalBroker broker;
    private static Path copied;

    @BeforeAll
    static void startBrokerAndFillTopics() throws Exception {
        broker = LocalBroker.startOnFreePorts(Files.createTempDirectory("sluice-compat-broker-"));
        // The records' times are fixed in 2023, so that startingTimestamp cases are the same on every run; Kafka's
        // 7-day retention would delete them within a minute of the broker's start, so 'events' keeps its records.
        createTopics(List.of(new NewTopic("events", 2, (short) 1).configs(Map.of("retention.ms", "-1")),
                new NewTopic("sluice-wrote", 2, (short) 1), new NewTopic("spark-wrote", 2, (short) 1)));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                broker.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < EVENTS; i++) {
                byte[] key = i % 7 == 3 ? null : utf8("k" + i % 5);
                byte[] value = i == 11 ? utf8("not json") : i == 17 ? null
                        : utf8("{\"id\": " + i + ", \"name\": \"n" + i + "\", \"amount\": " + (i * 1.5) + "}");
                List<org.apache.kafka.common.header.Header> headers = i % 4 == 0
                        ? List.of(new RecordHeader("source", utf8("test")),
                                new RecordHeader("n", new byte[] {(byte) i}))
                        : List.of();
                producer.send(new ProducerRecord<>("events", i % 2, 1_700_000_000_000L + i * 1_000L, key, value,
                        headers)).get();
            }
        }
        copied = CaseFiles.copy(CaseFiles.resource("/compat/kafka"), "sluice-compat-kafka-");
        try (Stream<Path> files = Files.walk(copied)) {
            for (Path file : files.filter(f -> f.toString().endsWith(SUFFIX)).toList()) {
                Files.writeString(file, Files.readString(file).replace("BOOTSTRAP", broker.bootstrapServers()));
            }
        }
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.stop();
        }
    }

    @TestFactory
    Stream<DynamicTest> kafkaCasesBehaveAsOnSpark() throws IOException {
        Path cases = copied.resolve("cases");
        try (Stream<Path> files = Files.list(cases)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted()
                    .filter(f -> ONLY.isEmpty() || ONLY.stream().anyMatch(f.getFileName().toString()::contains))
                    .toList().stream()
                    .map(pipeline -> DynamicTest.dynamicTest("kafka/" + pipeline.getFileName().toString()
                            .replace(SUFFIX, ""), () -> {
                        Outcome spark = SparkSide.run(pipeline);
                        Outcome sluice = SluiceSide.run(pipeline);
                        assertThat(spark.batches().values()).as("Spark ran batches").allSatisfy(
                                batches -> assertThat(batches).isNotEmpty());
                        Comparison.assertSame(pipeline.getFileName().toString(), Pipelines.spec(pipeline), sluice,
                                spark);
                    }));
        }
    }

    @Test
    void whatSluicesKafkaSinkWritesSparkReadsAsWhatItsOwnSinkWrote() throws Exception {
        Path template = copied.resolve("round-trip").resolve("sink" + SUFFIX);
        String text = Files.readString(template);
        Path onSluice = template.resolveSibling("sluice" + SUFFIX);
        Path onSpark = template.resolveSibling("spark" + SUFFIX);
        Files.writeString(onSluice, text.replace("TOPIC", "sluice-wrote"), StandardCharsets.UTF_8);
        Files.writeString(onSpark, text.replace("TOPIC", "spark-wrote"), StandardCharsets.UTF_8);

        Outcome sluice = SluiceSide.run(onSluice);
        Outcome spark = SparkSide.run(onSpark);

        assertThat(sluice.failure()).as("Sluice's run").isNull();
        assertThat(spark.failure()).as("Spark's run").isNull();
        List<String> wroteBySluice = readBack("sluice-wrote");
        assertThat(wroteBySluice).hasSize(5);
        assertThat(wroteBySluice).containsExactlyElementsOf(readBack("spark-wrote"));
    }

    /** A topic read by Spark as a batch: key, value, partition and headers of each record, sorted. */
    private static List<String> readBack(String topic) {
        List<String> rows = new ArrayList<>();
        for (Row row : TestSpark.session().read().format("kafka")
                .option("kafka.bootstrap.servers", broker.bootstrapServers()).option("subscribe", topic)
                .option("includeHeaders", "true").load()
                .selectExpr("CAST(key AS STRING)", "CAST(value AS STRING)", "partition", "headers").collectAsList()) {
            rows.add(RowText.of(row));
        }
        return RowText.sorted(rows);
    }

    private static void createTopics(List<NewTopic> topics) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(topics).all().get();
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
