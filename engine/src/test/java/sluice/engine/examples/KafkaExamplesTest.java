package sluice.engine.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import sluice.engine.kafka.TestBroker;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;
import sluice.engine.runtime.QueryOptions;
import sluice.engine.runtime.StreamingQuery;

/**
 * The Kafka examples, kafka-echo and stocks-to-kafka, against the test broker instead of 127.0.0.1:9092 and on topics
 * of their own: as the README has them tried with the one-command broker.
 */
class KafkaExamplesTest {
    private static final Path STOCKS = Path.of("..", "sample-data", "stocks");

    @Test
    void stocksToKafkaWritesEveryRowOfTheStocksFolderAsOneJsonRecordKeyedBySymbol() throws IOException {
        String topic = TestBroker.createTopic("stocks", 1);
        PipelineSpec spec = Examples.withOption(Examples.withOption(Examples.spec("stocks-to-kafka"), "to-kafka",
                "kafka.bootstrap.servers", TestBroker.bootstrap()), "to-kafka", "topic", topic);

        run(spec, new Examples());

        List<ConsumerRecord<byte[], byte[]>> records = TestBroker.readAll(topic);
        List<String> lines = stockLines();
        assertThat(records).hasSize(lines.size());
        assertThat(records.stream().map(r -> text(r.key())).distinct().sorted())
                .containsExactly("AAPL", "AMZN", "GOOGL", "MSFT");
        assertThat(text(records.get(0).value())).isEqualTo("{\"Date\":\"2015-01-02\",\"Open\":109.87,\"High\":112.79,"
                + "\"Low\":108.64,\"Close\":112.36,\"Volume\":73796448,\"Name\":\"AAPL\"}");
        assertThat(records).allSatisfy(r -> assertThat(text(r.value()))
                .endsWith(",\"Name\":\"" + text(r.key()) + "\"}"));
    }

    @Test
    void kafkaEchoUpperCasesEachRecordOfItsTopic() {
        String topic = TestBroker.createTopic("echo", 1);
        TestBroker.sendValues(topic, 0, List.of("hello", "Grüße"));
        PipelineSpec spec = Examples.withNode(Examples.withOption(Examples.withOption(Examples.spec("kafka-echo"),
                "echo", "kafka.bootstrap.servers", TestBroker.bootstrap()), "echo", "subscribe", topic),
                "table", "sink.memory", "queryName", "echo");
        Examples examples = new Examples();

        run(spec, examples);

        assertThat(examples.memory.table("echo").orElseThrow().rows()).extracting(row -> row.get(0) + "@" + row.get(2))
                .containsExactly("HELLO@0", "GRÜSSE@1");
        assertThat(Examples.tables(examples.consoleText())).hasSize(1);
    }

    private static void run(PipelineSpec spec, Examples examples) {
        StreamingQuery query = StreamingQuery.create(Examples.plan(spec).plan(),
                new QueryOptions(new Trigger.AvailableNow(), null, 0), examples.environment).start();
        assertThat(query.awaitTermination(java.time.Duration.ofSeconds(60))).as("the example ended").isTrue();
    }

    /** The data lines of every stocks file (each file has a header). */
    private static List<String> stockLines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(STOCKS)) {
            for (Path file : files.sorted().toList()) {
                List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
                lines.addAll(all.subList(1, all.size()).stream().filter(l -> !l.isBlank()).toList());
            }
        }
        return lines;
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
