package sluice.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-command broker as a user runs it: a child JVM started with its options serves clients on 127.0.0.1 and
 * makes topics on first use, {@code produce} sends standard input's lines, and a wrong command line exits 2.
 */
class BrokerCommandTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void oneCommandServesClientsAndProduceSendsEachLineAsARecord() throws Exception {
        int port = freePort();
        Path log = dir.resolve("broker.log");
        Process broker = command("--port", Integer.toString(port), "--controller-port", Integer.toString(freePort()),
                "--data", dir.resolve("data").toString()).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        try {
            awaitLine(broker, log, "Kafka broker on 127.0.0.1:" + port);
            assertThat(Files.readString(log, StandardCharsets.UTF_8)).as("what the broker printed on its first start")
                    .isEqualTo("Kafka broker on 127.0.0.1:" + port + ", data in " + dir.resolve("data")
                            + "; topics are made on first use; Ctrl+C stops it" + System.lineSeparator());
            String bootstrap = "127.0.0.1:" + port;

            Process produce = command("produce", "echo", "--bootstrap", bootstrap).start();
            try (OutputStream in = produce.getOutputStream()) {
                in.write("hello\nworld\n".getBytes(StandardCharsets.UTF_8));
            }
            String printed = new String(produce.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(produce.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("produce ended").isTrue();
            assertThat(produce.exitValue()).isZero();
            // Only the command's own line: not Kafka's warning that the new topic was unknown at first.
            assertThat(printed).isEqualTo("2 records sent to 'echo'" + System.lineSeparator());
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("echo");
            }
            assertThat(values(bootstrap, "echo", 2)).containsExactly("hello", "world");
        } finally {
            broker.destroy();
            assertThat(broker.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the broker stopped").isTrue();
        }
    }

    @Test
    void aWrongCommandLineExits2WithTheReasonAndTheUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = BrokerCommand.run(List.of("--port", "70000"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).first()
                .isEqualTo("error: --port must be a port between 1 and 65535, not '70000'");
    }

    /** {@code java -jar sluice-broker.jar ARGS} as a user runs it, from this test's class path. */
    private static ProcessBuilder command(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), BrokerCommand.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private static void awaitLine(Process process, Path log, String line) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!Files.readString(log, StandardCharsets.UTF_8).contains(line)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the broker did not start: " + Files.readString(log));
            }
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
    }

    private static List<String> values(String bootstrap, String topic, int count) {
        TopicPartition partition = new TopicPartition(topic, 0);
        List<String> values = new java.util.ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (values.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> values.add(record.value()));
            }
        }
        return values;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
