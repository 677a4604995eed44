package sluice.engine.kafka;

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
    private ClientWarmUp() {
    }

    /**
     * Whether a pipeline file's text has a Kafka node type: a guess, before the file is parsed, so a wrong one
     * costs only the warm-up or its absence.
     */
    public static boolean wantedBy(String pipelineText) {
        return pipelineText.contains("\"source.kafka\"") || pipelineText.contains("\"sink.kafka\"");
    }

    /** Starts the warm-up on a daemon thread. */
    public static void start() {
        Thread thread = new Thread(ClientWarmUp::initialize, "sluice-kafka-warm-up");
        thread.setDaemon(true);
        thread.start();
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
