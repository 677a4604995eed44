package sluice.engine.kafka;

import java.util.Map;

/**
 * Settings Sluice gives every kafka-clients client it makes unless the node's {@code kafka.*} options say otherwise.
 * Stateless.
 */
public final class ClientDefaults {
    private ClientDefaults() {
    }

    /**
     * {@code enable.metrics.push=false}: Kafka's client-metrics push (KIP-714) asks each broker for a metrics
     * subscription at every client's start and loads a shaded protobuf and OpenTelemetry to send them; a short run
     * paid a round trip per client and about 80 classes for metrics no Sluice user asked the broker for. Results and
     * offsets are unchanged; {@code kafka.enable.metrics.push=true} brings it back.
     */
    public static <M extends Map<String, Object>> M apply(M config) {
        config.putIfAbsent("enable.metrics.push", "false");
        return config;
    }
}
