package sluice.engine.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Initializes kafka-clients' classes on a daemon thread while the command line is still parsing its arguments and
 * planning the pipeline on one core, so that the Kafka source and sink find them ready. A fresh process otherwise
 * initialized them after the plan, on the threads that make the first Admin and consumers: the clients' settings
 * tables, the protocol's message and error tables, the JMX server every client registers its metrics with and the
 * logging binding, about 130 ms of a core, after which making the first clients took 60 ms instead of 140 ms.
 * The classes are in the app image's class-data archive: this is their initialization, not their loading. Nothing
 * here connects or changes a setting. Stateless.
 */
public final class ClientWarmUp {
    private static final long LARGEST_PIPELINE_BYTES = 1 << 20;

    private ClientWarmUp() {
    }

    /**
     * Starts the warm-up when one of {@code arguments} names a pipeline file with a Kafka node; a guess from its
     * text, before the file is parsed: a wrong guess costs only the warm-up or its absence.
     */
    public static void startFor(List<String> arguments) {
        for (String argument : arguments) {
            if (mentionsKafka(argument)) {
                Thread thread = new Thread(ClientWarmUp::initialize, "sluice-kafka-warm-up");
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
