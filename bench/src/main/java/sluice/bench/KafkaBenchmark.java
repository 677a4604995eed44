package sluice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka row of the README's benchmark: 1,000,000 records of about 100 bytes in a 2-partition topic of the local
 * broker ({@code sluice-broker.jar}, started as its own process on free ports of 127.0.0.1), read by
 * {@code Kafka -> CAST(value AS STRING) -> filter -> noop} as whole processes, available-now, by Sluice and (with
 * {@code --spark-classpath FILE}) by Spark through Sluice's Spark runner, next to kafka-clients polling the same
 * records and doing nothing in this JVM, which is the limit, and as a whole process of its own
 * ({@link RawConsumerProcess}, with a class-data archive), the limit for a process. Each runs three times and the
 * median counts.
 * With {@code --launcher PATH} (the app image's {@code bin/sluice}, what users run: its class-data sharing archive
 * holds kafka-clients' classes) Sluice also runs through that launcher, each run next to one of the engine jar's.
 * Usage: {@code java -cp bench/target/sluice-bench.jar sluice.bench.KafkaBenchmark [--spark-classpath FILE]
 * [--launcher app/target/dist/Sluice/bin/sluice]}, from the repository's root.
 */
public final class KafkaBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RECORDS = 1_000_000;
    private static final int RUNS = 3;
    private static final String TOPIC = "bench";
    private static final Duration BROKER_START = Duration.ofSeconds(120);
    private static final String QUERY = """
            {"format": "sluice/1", "name": "kafka bench", "nodes": [
              {"id": "in", "type": "source.kafka", "options": {"kafka.bootstrap.servers": "%s", "subscribe": "%s",
               "startingOffsets": "earliest"}},
              {"id": "text", "type": "transform.select", "inputs": ["in"],
               "options": {"expressions": ["CAST(value AS STRING) AS v"]}},
              {"id": "aapl", "type": "transform.filter", "inputs": ["text"],
               "options": {"condition": "instr(v, 'symbol=AAPL') > 0"}},
              {"id": "out", "type": "sink.noop", "inputs": ["aapl"]}
            ]}
            """;

    private KafkaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(List.of(args));
        SparkProcess spark = null;
        int flag = rest.indexOf("--spark-classpath");
        if (flag >= 0 && flag + 1 < rest.size()) {
            spark = SparkProcess.from(Path.of("spark", "target", "classes"), Path.of(rest.get(flag + 1)));
        }
        List<String> launcher = null;
        flag = rest.indexOf("--launcher");
        if (flag >= 0 && flag + 1 < rest.size()) {
            launcher = List.of(Path.of(rest.get(flag + 1)).toAbsolutePath().toString());
            if (!Files.isExecutable(Path.of(launcher.get(0)))) {
                System.err.println("launcher not found at " + launcher.get(0)
                        + "; build the app image with: mvn -B -q -DskipTests package");
                System.exit(2);
            }
        }
        Path engineJar = Path.of("engine/target/sluice-engine.jar").toAbsolutePath();
        Path brokerJar = Path.of("broker/target/sluice-broker.jar").toAbsolutePath();
        if (!Files.exists(engineJar) || !Files.exists(brokerJar)) {
            System.err.println("engine or broker jar not found; build them with: mvn -B -q -DskipTests package");
            System.exit(2);
        }
        Path work = Files.createTempDirectory("sluice-kafka-bench");
        int port = freePort();
        Process broker = startBroker(brokerJar, work, port);
        try {
            String bootstrap = "127.0.0.1:" + port;
            long bytes = fill(bootstrap);
            Path pipeline = work.resolve("kafka.sluice.json");
            Files.writeString(pipeline, String.format(Locale.ROOT, QUERY, bootstrap, TOPIC));
            System.out.printf(Locale.ROOT, "Sluice Kafka benchmark, %d cores, Java %s: %,d records, %,d bytes of "
                    + "values in 2 partitions%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), RECORDS, bytes);

            List<String> jar = List.of(javaBinary(), "-jar", engineJar.toString());
            long[] sluice = new long[RUNS];
            long[] packaged = new long[RUNS];
            long[] rawProcess = new long[RUNS];
            Path archive = work.resolve("raw-consumer.jsa");
            String[] rawArgs = {bootstrap, TOPIC, "2", Integer.toString(RECORDS)};
            ThisJarProcess.train(RawConsumerProcess.class, archive, work.resolve("raw-training.log"), rawArgs);
            for (int i = 0; i < RUNS; i++) {
                sluice[i] = runSluice(jar, pipeline, work.resolve("sluice-" + i + ".progress"));
                if (launcher != null) {
                    packaged[i] = runSluice(launcher, pipeline, work.resolve("packaged-" + i + ".progress"));
                }
                rawProcess[i] = ThisJarProcess.timed(RawConsumerProcess.class, archive,
                        work.resolve("raw-" + i + ".log"), rawArgs);
            }
            consume(bootstrap);
            long consumerStart = System.nanoTime();
            long consumed = consume(bootstrap);
            long consumerMs = (System.nanoTime() - consumerStart) / 1_000_000;
            long[] onSpark = new long[RUNS];
            if (spark != null) {
                for (int i = 0; i < RUNS; i++) {
                    onSpark[i] = spark.run(pipeline, work.resolve("spark-" + i + ".log"));
                }
            }

            Arrays.sort(sluice);
            Arrays.sort(packaged);
            Arrays.sort(rawProcess);
            Arrays.sort(onSpark);
            long sluiceMs = sluice[RUNS / 2];
            System.out.println();
            System.out.println("| case | records | whole process | records/s |");
            System.out.println("|---|---:|---:|---:|");
            row("Sluice: Kafka -> CAST(value AS STRING) -> filter -> noop", RECORDS, sluiceMs);
            if (launcher != null) {
                row("Sluice, same pipeline through the app image's bin/sluice", RECORDS, packaged[RUNS / 2]);
            }
            if (spark != null) {
                row("Spark local[2], same pipeline (Sluice's Spark runner)", RECORDS, onSpark[RUNS / 2]);
            }
            row("kafka-clients alone as a whole process: a consumer per partition on its own thread, a class-data "
                    + "archive, records dropped", RECORDS, rawProcess[RUNS / 2]);
            System.out.printf(Locale.ROOT, "| kafka-clients polling the same records, doing nothing (warm, in one "
                    + "JVM) | %,d | %,d ms | %,.0f |%n", consumed, consumerMs,
                    consumed * 1000.0 / Math.max(1, consumerMs));
            System.out.printf(Locale.ROOT, "%nMedian of %d runs: Sluice %s ms", RUNS, text(sluice));
            if (launcher != null) {
                System.out.printf(Locale.ROOT, ", bin/sluice %s ms", text(packaged));
            }
            System.out.printf(Locale.ROOT, ", kafka-clients alone %s ms", text(rawProcess));
            if (spark != null) {
                System.out.printf(Locale.ROOT, ", Spark %s ms; Spark / Sluice %.1fx", text(onSpark),
                        (double) onSpark[RUNS / 2] / Math.max(1, sluiceMs));
                if (launcher != null) {
                    System.out.printf(Locale.ROOT, ", Spark / bin/sluice %.1fx",
                            (double) onSpark[RUNS / 2] / Math.max(1, packaged[RUNS / 2]));
                }
            }
            System.out.println();
        } finally {
            broker.destroy();
            broker.waitFor();
            delete(work);
        }
    }

    /** The broker as a user starts it; returns once it says it listens, or fails after {@link #BROKER_START}. */
    private static Process startBroker(Path jar, Path work, int port) throws IOException, InterruptedException {
        Path log = work.resolve("broker.log");
        Process process = new ProcessBuilder(javaBinary(), "-jar", jar.toString(), "--port", Integer.toString(port),
                "--controller-port", Integer.toString(freePort()), "--data", work.resolve("broker").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + BROKER_START.toNanos();
        while (!Files.readString(log, StandardCharsets.UTF_8).contains("Kafka broker on")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroy();
                throw new IllegalStateException("the broker did not start: " + Files.readString(log));
            }
            process.waitFor(Duration.ofMillis(100).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        return process;
    }

    /** Makes the 2-partition topic and sends the records; returns the bytes of their values. */
    private static long fill(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get();
        }
        String[] symbols = {"AAPL", "AMZN", "GOOGL", "MSFT"};
        long bytes = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                "linger.ms", "10", "batch.size", "262144", "acks", "1"), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                byte[] value = String.format(Locale.ROOT, "id=%08d symbol=%s price=%08.2f qty=%05d "
                        + "time=2024-01-02T10:%02d:%02dZ note=benchmark-record", i, symbols[i % 4],
                        (i % 100_000) / 100.0, i % 10_000, i / 60 % 60, i % 60).getBytes(StandardCharsets.UTF_8);
                bytes += value.length;
                producer.send(new ProducerRecord<>(TOPIC, i % 2, null, value));
            }
            producer.flush();
        }
        return bytes;
    }

    /** One whole process of {@code sluice run} ({@code sluice}: the engine jar or a launcher); checks every record. */
    private static long runSluice(List<String> sluice, Path pipeline, Path progress) throws Exception {
        List<String> command = new ArrayList<>(sluice);
        command.addAll(List.of("run", pipeline.toString(), "--trigger", "available-now", "--progress"));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(progress.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int exit = process.waitFor();
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        if (exit != 0) {
            throw new IllegalStateException("sluice run failed (exit " + exit + "): " + Files.readString(progress));
        }
        long read = rowsRead(progress);
        if (read != RECORDS) {
            throw new IllegalStateException("Sluice read " + read + " records, not " + RECORDS);
        }
        return wallMs;
    }

    private static long rowsRead(Path progress) throws IOException {
        long rows = 0;
        for (String line : Files.readAllLines(progress, StandardCharsets.UTF_8)) {
            if (line.startsWith("{")) {
                JsonNode event = JSON.readTree(line);
                rows += event.path("numInputRows").asLong();
            }
        }
        return rows;
    }

    /** kafka-clients alone: both partitions from their start to their end, records counted and dropped. */
    private static long consume(String bootstrap) {
        List<TopicPartition> partitions = List.of(new TopicPartition(TOPIC, 0), new TopicPartition(TOPIC, 1));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "enable.auto.commit", "false"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long count = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                count += records.count();
            }
            return count;
        }
    }

    private static void row(String name, long records, long ms) {
        System.out.printf(Locale.ROOT, "| %s | %,d | %,d ms | %,.0f |%n", name, records, ms,
                records * 1000.0 / Math.max(1, ms));
    }

    private static String text(long[] values) {
        return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%,d", v)).toList().toString();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
