package sluice.broker;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Time;

/**
 * One Kafka broker and KRaft controller in this JVM, listening on 127.0.0.1 only, its logs in a data folder. Start
 * it once per test suite (a start takes a few seconds). A stopped Kafka server cannot be started again, so
 * {@link #restart()} makes a new one on the same folder and ports: topics and records survive, as on a real broker.
 * Not thread-safe: owned by the test or command that made it.
 */
public final class LocalBroker implements AutoCloseable {
    private static final String CLUSTER_ID = "c2x1aWNlLWxvY2FsLTAx";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final boolean autoCreateTopics;
    private KafkaRaftServer server;

    private LocalBroker(Path dataDir, int port, int controllerPort, boolean autoCreateTopics) {
        this.dataDir = requireNonNull(dataDir, "dataDir is null").toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.autoCreateTopics = autoCreateTopics;
    }

    /**
     * A broker for tests on free ports of 127.0.0.1, its data in {@code dataDir} (made if missing), started. Topics
     * are not created on first use, so a test names the topics it makes and an unknown topic stays unknown.
     */
    public static LocalBroker startOnFreePorts(Path dataDir) {
        return start(dataDir, freePort(), freePort(), false);
    }

    /**
     * A broker on {@code port} with its controller on {@code controllerPort}, started; with
     * {@code autoCreateTopics}, as Kafka's default, a topic is made the first time a client names it.
     */
    public static LocalBroker start(Path dataDir, int port, int controllerPort, boolean autoCreateTopics) {
        LocalBroker broker = new LocalBroker(dataDir, port, controllerPort, autoCreateTopics);
        broker.startServer();
        return broker;
    }

    /** {@code 127.0.0.1:<port>}, for {@code kafka.bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public boolean isRunning() {
        return server != null;
    }

    /** Stops the broker as a shutdown would (its logs flushed); its port refuses connections afterwards. */
    public void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts a new server on the same folder and ports, after {@link #stop()}. */
    public void restart() {
        if (server != null) {
            throw new IllegalStateException("the broker is running; stop it first");
        }
        startServer();
    }

    @Override
    public void close() {
        stop();
    }

    private void startServer() {
        Properties properties = properties();
        format(properties);
        KafkaRaftServer made = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        made.startup();
        server = made;
        awaitReady();
    }

    private Properties properties() {
        Map<String, String> settings = new TreeMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", "1");
        settings.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        settings.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("log.dirs", dataDir.resolve("logs").toString());
        // One node: every internal topic has one replica, and consumer groups need not wait for more members.
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("offsets.topic.num.partitions", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("group.initial.rebalance.delay.ms", "0");
        settings.put("num.partitions", "1");
        settings.put("auto.create.topics.enable", Boolean.toString(autoCreateTopics));
        Properties properties = new Properties();
        properties.putAll(settings);
        return properties;
    }

    /** Formats the data folder the first time, as {@code kafka-storage.sh format} does; a formatted one is kept. */
    private void format(Properties properties) {
        try {
            Files.createDirectories(dataDir);
            Path config = dataDir.resolve("server.properties");
            try (Writer out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
                properties.store(out, "Sluice's local broker");
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int exit = StorageTool.execute(new String[] {"format", "--config", config.toString(),
                    "--cluster-id", CLUSTER_ID, "--ignore-formatted"},
                    new PrintStream(output, true, StandardCharsets.UTF_8));
            if (exit != 0) {
                throw new IllegalStateException("formatting " + dataDir + " failed: "
                        + output.toString(StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the broker answers an admin request, so callers can create topics at once. */
    private void awaitReady() {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get().isEmpty()) {
                        return;
                    }
                } catch (ExecutionException e) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("the broker did not answer within " + READY_TIMEOUT, e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the broker started", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
