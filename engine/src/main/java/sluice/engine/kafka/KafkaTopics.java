package sluice.engine.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * The topics of a broker with their partitions' end offsets, for the workbench's Kafka editors. One call opens an
 * Admin client, asks, and closes it, waiting at most the given time. Stateless; call it off the FX thread.
 */
public final class KafkaTopics {
    private KafkaTopics() {
    }

    /** One topic: its name and the end offset of each partition, by partition number. */
    public record Topic(String name, SortedMap<Integer, Long> endOffsets) {
        public Topic {
            endOffsets = new TreeMap<>(endOffsets);
        }

        public int partitions() {
            return endOffsets.size();
        }

        /** {@code orders (3 partitions, end offsets 0:12 1:40 2:7)}. */
        public String describe() {
            StringBuilder text = new StringBuilder(name).append(" (").append(partitions())
                    .append(partitions() == 1 ? " partition" : " partitions").append(", end offsets");
            endOffsets.forEach((partition, offset) -> text.append(' ').append(partition).append(':').append(offset));
            return text.append(')').toString();
        }
    }

    /**
     * The broker's topics other than Kafka's internal ones, by name; {@code settings} are the node's {@code kafka.*}
     * options without the prefix ({@code bootstrap.servers} among them). Throws IllegalStateException with one line
     * for the user when the broker cannot be asked.
     */
    public static List<Topic> list(Map<String, String> settings, Duration timeout) {
        Map<String, Object> config = new TreeMap<>(settings);
        config.keySet().retainAll(AdminClientConfig.configNames());
        ClientDefaults.apply(config);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        String bootstrap = String.valueOf(settings.get("bootstrap.servers"));
        try (Admin admin = Admin.create(config)) {
            long ms = timeout.toMillis();
            List<String> names = admin.listTopics().names().get(ms, TimeUnit.MILLISECONDS).stream().sorted().toList();
            if (names.isEmpty()) {
                return List.of();
            }
            Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames()
                    .get(ms, TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> request = new TreeMap<>(PartitionOffsets.ORDER);
            descriptions.values().forEach(d -> d.partitions()
                    .forEach(p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(request).all()
                    .get(ms, TimeUnit.MILLISECONDS);
            List<Topic> topics = new ArrayList<>();
            for (String name : names) {
                SortedMap<Integer, Long> offsets = new TreeMap<>();
                ends.forEach((tp, info) -> {
                    if (tp.topic().equals(name)) {
                        offsets.put(tp.partition(), info.offset());
                    }
                });
                topics.add(new Topic(name, offsets));
            }
            return topics;
        } catch (ExecutionException | org.apache.kafka.common.KafkaException e) {
            throw new IllegalStateException(KafkaFailures.describe(bootstrap, "listing topics", e, timeout), e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(KafkaFailures.describe(bootstrap, "listing topics",
                    new org.apache.kafka.common.errors.TimeoutException(e.getMessage()), timeout), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing the topics of " + bootstrap, e);
        }
    }
}
