package sluice.engine.source.kafka;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import sluice.engine.kafka.KafkaFailures;
import sluice.engine.kafka.PartitionOffsets;

/**
 * What a Kafka source asks the broker on the query thread, through one Admin client as Spark 4 does: the partitions
 * it reads and their earliest, latest or by-time offsets. Every call waits at most the client's
 * {@code default.api.timeout.ms} (Kafka's default, 60 s), within which the client retries by itself; failures are
 * thrown as they come and described by {@link KafkaFailures}. Owned by the query thread.
 */
final class KafkaMetadata implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(KafkaMetadata.class.getName());
    static final long DEFAULT_API_TIMEOUT_MS = 60_000;

    private final Subscription subscription;
    private final Admin admin;
    private final Duration timeout;
    private final ListOffsetsOptions listOptions;
    private final Set<String> missingTopicsReported = new TreeSet<>();
    /** The partitions listed in this trigger, asked once for the starting and the latest offsets; null: ask again. */
    private SortedSet<TopicPartition> listed;
    private boolean latestAhead;
    /** The latest offsets asked for as the partitions were listed, and of which partitions; null when none. */
    private ListOffsetsResult latestAsked;
    private Set<TopicPartition> latestAskedFor;

    KafkaMetadata(Map<String, Object> settings, Subscription subscription) {
        this.subscription = requireNonNull(subscription, "subscription is null");
        Map<String, Object> config = new LinkedHashMap<>(settings);
        // Admin takes no consumer settings; it logs a warning for each one it does not know.
        config.keySet().retainAll(AdminClientConfig.configNames());
        this.timeout = Duration.ofMillis(apiTimeoutMs(settings));
        this.admin = Admin.create(config);
        boolean committed = "read_committed".equalsIgnoreCase(String.valueOf(settings.get("isolation.level")));
        this.listOptions = new ListOffsetsOptions(committed ? IsolationLevel.READ_COMMITTED
                : IsolationLevel.READ_UNCOMMITTED);
    }

    static long apiTimeoutMs(Map<String, ?> settings) {
        Object value = settings.get("default.api.timeout.ms");
        return value == null ? DEFAULT_API_TIMEOUT_MS : Long.parseLong(value.toString().trim());
    }

    Duration timeout() {
        return timeout;
    }

    /**
     * A new trigger: the partitions are listed again at the next {@link #partitions}. Within one trigger, the first
     * batch's starting offsets and its end are asked of the same partitions (Spark lists them twice, a moment apart;
     * a partition added in that moment is read by the next trigger either way), a round trip less.
     */
    void nextTrigger() {
        listed = null;
    }

    /**
     * For an available-now query: the latest offsets are asked for as soon as the partitions are first listed, next
     * to the starting offsets, not after them. The Admin finds each partition's leader and asks it, two round trips
     * that a fresh client makes slowly; the two questions now overlap.
     */
    void askLatestAhead() {
        latestAhead = true;
    }

    /** The partitions read now: every partition of the subscribed topics that exist, or the assigned ones. */
    SortedSet<TopicPartition> partitions() throws ExecutionException, InterruptedException {
        if (listed == null) {
            listed = list();
            if (latestAhead && !listed.isEmpty()) {
                latestAhead = false;
                latestAskedFor = Set.copyOf(listed);
                latestAsked = admin.listOffsets(request(listed, tp -> OffsetSpec.latest()),
                        listOptions.timeoutMs((int) timeout.toMillis()));
            }
        }
        SortedSet<TopicPartition> copy = new TreeSet<>(PartitionOffsets.ORDER);
        copy.addAll(listed);
        return copy;
    }

    private SortedSet<TopicPartition> list() throws ExecutionException, InterruptedException {
        SortedSet<TopicPartition> found = new TreeSet<>(PartitionOffsets.ORDER);
        if (subscription instanceof Subscription.Assign assign) {
            found.addAll(assign.partitions());
            return found;
        }
        Collection<String> topics;
        if (subscription instanceof Subscription.Topics named) {
            topics = named.names();
        } else {
            topics = await(admin.listTopics().names()).stream()
                    .filter(subscription::includesTopic).sorted().toList();
        }
        if (topics.isEmpty()) {
            return found;
        }
        for (Map.Entry<String, KafkaFuture<TopicDescription>> topic
                : admin.describeTopics(topics).topicNameValues().entrySet()) {
            try {
                await(topic.getValue()).partitions()
                        .forEach(p -> found.add(new TopicPartition(topic.getKey(), p.partition())));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                // As Spark: a subscribed topic that does not exist yet is read once it does.
                if (missingTopicsReported.add(topic.getKey())) {
                    LOG.log(System.Logger.Level.WARNING, "topic ''{0}'' does not exist (yet); it is read once it "
                            + "does", topic.getKey());
                }
            }
        }
        return found;
    }

    SortedMap<TopicPartition, Long> earliest(Collection<TopicPartition> partitions)
            throws ExecutionException, InterruptedException {
        return list(partitions, tp -> OffsetSpec.earliest());
    }

    SortedMap<TopicPartition, Long> latest(Collection<TopicPartition> partitions)
            throws ExecutionException, InterruptedException {
        if (latestAsked != null && latestAskedFor.equals(Set.copyOf(partitions))) {
            ListOffsetsResult asked = latestAsked;
            latestAsked = null;
            SortedMap<TopicPartition, Long> offsets = PartitionOffsets.sorted();
            await(asked.all()).forEach((tp, info) -> offsets.put(tp, info.offset()));
            return offsets;
        }
        return list(partitions, tp -> OffsetSpec.latest());
    }

    /** The offset of the first record at or after each time (epoch ms); -1 where there is none. */
    SortedMap<TopicPartition, Long> atTimes(Map<TopicPartition, Long> times)
            throws ExecutionException, InterruptedException {
        return list(times.keySet(), tp -> OffsetSpec.forTimestamp(times.get(tp)));
    }

    private SortedMap<TopicPartition, Long> list(Collection<TopicPartition> partitions,
                                                 Function<TopicPartition, OffsetSpec> spec)
            throws ExecutionException, InterruptedException {
        SortedMap<TopicPartition, Long> offsets = PartitionOffsets.sorted();
        if (partitions.isEmpty()) {
            return offsets;
        }
        ListOffsetsResult result = admin.listOffsets(request(partitions, spec),
                listOptions.timeoutMs((int) timeout.toMillis()));
        await(result.all()).forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    private static Map<TopicPartition, OffsetSpec> request(Collection<TopicPartition> partitions,
                                                           Function<TopicPartition, OffsetSpec> spec) {
        Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
        partitions.forEach(tp -> request.put(tp, spec.apply(tp)));
        return request;
    }

    /** The call's result, waiting at most the API timeout (the client gives up by itself at about that time). */
    private <T> T await(KafkaFuture<T> future) throws ExecutionException, InterruptedException {
        try {
            return future.get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ExecutionException(new org.apache.kafka.common.errors.TimeoutException(e.getMessage()));
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
