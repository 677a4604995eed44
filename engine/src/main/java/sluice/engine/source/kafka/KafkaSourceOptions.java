package sluice.engine.source.kafka;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import sluice.engine.kafka.ClientDefaults;

/**
 * The checked options of a Kafka source, as Spark names them: the {@code kafka.*} client settings (without the
 * prefix; {@code bootstrap.servers} among them), what to read, where to start, the per-batch limits (null when
 * unset), {@code failOnDataLoss}, {@code includeHeaders}, the consumers' group id, how long one read may wait for
 * records ({@code kafkaConsumer.pollTimeoutMs}), and {@code startingOffsetsByTimestampStrategy}'s {@code latest}.
 */
public record KafkaSourceOptions(SortedMap<String, String> clientSettings, Subscription subscription,
                                 StartingOffsets startingOffsets, Long maxOffsetsPerTrigger,
                                 Long minOffsetsPerTrigger, long maxTriggerDelayMs, boolean failOnDataLoss,
                                 boolean includeHeaders, String groupId, long pollTimeoutMs,
                                 boolean latestWhenNoTimestampMatch) {
    public KafkaSourceOptions {
        clientSettings = new TreeMap<>(clientSettings);
        requireNonNull(subscription, "subscription is null");
        requireNonNull(startingOffsets, "startingOffsets is null");
        requireNonNull(groupId, "groupId is null");
        if (!clientSettings.containsKey("bootstrap.servers")) {
            throw new IllegalArgumentException("bootstrap.servers is missing");
        }
    }

    public String bootstrapServers() {
        return clientSettings.get("bootstrap.servers");
    }

    /** The settings every client of this source starts from: the user's, with the group id and Sluice's defaults. */
    Map<String, Object> clientConfig() {
        Map<String, Object> config = new TreeMap<>(clientSettings);
        config.put("group.id", groupId);
        return ClientDefaults.apply(config);
    }
}
