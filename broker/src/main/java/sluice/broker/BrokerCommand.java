package sluice.broker;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code java -jar sluice-broker.jar [--port 9092] [--controller-port 9093] [--data DIR]} runs a local broker until
 * Ctrl+C; {@code java -jar sluice-broker.jar produce TOPIC [--bootstrap 127.0.0.1:9092]} sends each line of standard
 * input to a topic as a record value, so the examples can be tried without Kafka's own tools. Exit codes: 0, 2 for
 * a wrong command line, 1 when the broker or the producer fails.
 */
public final class BrokerCommand {
    private static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar sluice-broker.jar [--port 9092] [--controller-port 9093] [--data sluice-broker-data]",
            "       java -jar sluice-broker.jar produce TOPIC [--bootstrap 127.0.0.1:9092]");

    // Held here: the logging keeps loggers weakly, and one collected would lose its level and filter.
    private static final Logger CONTROLLER = Logger.getLogger("org.apache.kafka.controller.QuorumController");
    private static final Logger NETWORK_CLIENT = Logger.getLogger("org.apache.kafka.clients.NetworkClient");

    private BrokerCommand() {
    }

    public static void main(String[] args) {
        quietKafkaLogs();
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        Deque<String> rest = new ArrayDeque<>(args);
        try {
            if ("produce".equals(rest.peekFirst())) {
                rest.removeFirst();
                return produce(rest, err);
            }
            return broker(rest, out);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (RuntimeException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static int broker(Deque<String> args, PrintStream out) {
        int port = 9092;
        int controllerPort = 9093;
        Path data = Path.of("sluice-broker-data");
        while (!args.isEmpty()) {
            String option = args.removeFirst();
            switch (option) {
                case "--port" -> port = port(option, value(option, args));
                case "--controller-port" -> controllerPort = port(option, value(option, args));
                case "--data" -> data = Path.of(value(option, args));
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> throw new IllegalArgumentException("unknown option '" + option + "'");
            }
        }
        LocalBroker broker = LocalBroker.start(data, port, controllerPort, true);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.stop();
            stopped.countDown();
        }, "sluice-broker-stop"));
        out.println("Kafka broker on " + broker.bootstrapServers() + ", data in " + broker.dataDir()
                + "; topics are made on first use; Ctrl+C stops it");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static int produce(Deque<String> args, PrintStream err) {
        if (args.isEmpty() || args.peekFirst().startsWith("--")) {
            throw new IllegalArgumentException("produce needs a topic");
        }
        String topic = args.removeFirst();
        String bootstrap = "127.0.0.1:9092";
        while (!args.isEmpty()) {
            String option = args.removeFirst();
            if (!option.equals("--bootstrap")) {
                throw new IllegalArgumentException("unknown option '" + option + "'");
            }
            bootstrap = value(option, args);
        }
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        long sent = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer());
             BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                producer.send(new ProducerRecord<>(topic, line)).get();
                sent++;
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot send to '" + topic + "' at " + bootstrap + ": "
                    + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        err.println(sent + " record" + (sent == 1 ? "" : "s") + " sent to '" + topic + "'");
        return 0;
    }

    private static String value(String option, Deque<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.removeFirst();
    }

    private static int port(String option, String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a port between 1 and 65535, not '" + text + "'");
    }

    /** Kafka logs a page at start-up and per topic; a terminal shows its warnings only, and not the expected ones. */
    private static void quietKafkaLogs() {
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        for (Handler handler : root.getHandlers()) {
            handler.setLevel(Level.WARNING);
        }
        // Expected, so not warnings to the person who started the broker: a new data folder's metadata log is
        // empty at every first start, and a topic made on first use is unknown to the producer's first question.
        hide(CONTROLLER, "The metadata log appears to be empty");
        hide(NETWORK_CLIENT, "UNKNOWN_TOPIC_OR_PARTITION");
    }

    private static void hide(Logger logger, String text) {
        logger.setFilter(log -> log.getMessage() == null || !log.getMessage().contains(text));
    }
}
