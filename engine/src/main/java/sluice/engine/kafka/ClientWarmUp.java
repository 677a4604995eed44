package sluice.engine.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.pipeline.PipelineJson;

/**
 * Initializes kafka-clients' classes on a daemon thread while the command line is still parsing its arguments and
 * planning the pipeline on one core, so that the Kafka source and sink find them ready. A fresh process otherwise
 * initialized them after the plan, on the threads that make the first Admin and consumers: the clients' settings
 * tables, the protocol's message and error tables, the JMX server every client registers its metrics with and the
 * logging binding, about 130 ms of a core, after which making the first clients took 60 ms instead of 140 ms.
 * The classes are in the app image's class-data archive: this is their initialization, not their loading. Then the
 * Admin of each Kafka source is made, which connects to the broker while the plan is still being made (see
 * {@link AdminClients}). Nothing here changes a setting. Stateless.
 */
public final class ClientWarmUp {
    private static final long LARGEST_PIPELINE_BYTES = 1 << 20;
    private static final String PREFIX = "kafka.";

    private ClientWarmUp() {
    }

    /**
     * Starts the warm-up when one of {@code arguments} names a pipeline file with a Kafka node; a guess from its
     * text, before the file is parsed: a wrong guess costs only the warm-up or its absence.
     */
    public static void startFor(List<String> arguments) {
        for (String argument : arguments) {
            if (mentionsKafka(argument)) {
                Path pipeline = Path.of(argument);
                Thread thread = new Thread(() -> {
                    initialize();
                    if (makeAdminsAhead(pipeline)) {
                        closeUnclaimedLater();
                    }
                }, "sluice-kafka-warm-up");
                thread.setDaemon(true);
                thread.start();
                return;
            }
        }
    }

    /** Whether {@code argument} names a pipeline file (of at most 1 MB) whose text has a Kafka node type. */
    static boolean mentionsKafka(String argument) {
        try {
            Path path = Path.of(argument);
            if (!Files.isRegularFile(path) || Files.size(path) > LARGEST_PIPELINE_BYTES) {
                return false;
            }
            String text = Files.readString(path);
            return text.contains("\"source.kafka\"") || text.contains("\"sink.kafka\"");
        } catch (IOException | RuntimeException e) {
            // Not a readable pipeline (an option, a value, a missing file): the command reports that itself.
            return false;
        }
    }

    /**
     * Makes the Admin of each Kafka source of {@code pipeline} (see {@link AdminClients}), from the same settings the
     * plan gives the source: its {@code kafka.*} options and Sluice's defaults. Only the file's JSON is read here; a
     * node the plan then refuses never takes its Admin. Whether any was made.
     */
    static boolean makeAdminsAhead(Path pipeline) {
        boolean made = false;
        try {
            PipelineJson.Read read = PipelineJson.read(pipeline);
            if (read.spec() == null) {
                return false;
            }
            for (NodeSpec node : read.spec().nodes()) {
                Map<String, Object> settings = sourceSettings(node);
                if (!settings.isEmpty()) {
                    AdminClients.makeAhead(ClientDefaults.apply(settings));
                    made = true;
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // Only time is at stake: the source makes its Admin itself and reports what fails.
        }
        return made;
    }

    /** Closes the Admins made ahead that no source took after {@link AdminClients#UNCLAIMED}. */
    private static void closeUnclaimedLater() {
        try {
            Thread.sleep(AdminClients.UNCLAIMED.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        AdminClients.closeUnclaimed();
    }

    /**
     * The client settings of a Kafka source node, as its plan takes them: every {@code kafka.*} option without the
     * prefix (matched ignoring case, the rest as written) but {@code group.id}, which Admin does not take; empty for
     * another node or one without brokers.
     */
    static Map<String, Object> sourceSettings(NodeSpec node) {
        Map<String, Object> settings = new TreeMap<>();
        if (!node.type().equals("source.kafka")) {
            return settings;
        }
        node.options().forEach((name, value) -> {
            if (name.length() > PREFIX.length() && name.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                    && value instanceof OptionValue.Text text) {
                settings.put(name.substring(PREFIX.length()), text.value());
            }
        });
        settings.remove("group.id");
        if (String.valueOf(settings.getOrDefault("bootstrap.servers", "")).isBlank()) {
            settings.clear();
        }
        return settings;
    }

    private static void initialize() {
        try {
            org.apache.kafka.clients.consumer.ConsumerConfig.configNames();
            org.apache.kafka.clients.admin.AdminClientConfig.configNames();
            org.apache.kafka.clients.producer.ProducerConfig.configNames();
            org.apache.kafka.common.protocol.ApiKeys.forId(org.apache.kafka.common.protocol.ApiKeys.FETCH.id);
            org.apache.kafka.common.protocol.Errors.forCode(org.apache.kafka.common.protocol.Errors.NONE.code());
            java.lang.management.ManagementFactory.getPlatformMBeanServer();
            org.slf4j.LoggerFactory.getLogger(ClientWarmUp.class);
        } catch (RuntimeException | LinkageError e) {
            // Only time is at stake: the source or sink meets the same failure where it can report it.
        }
    }
}
