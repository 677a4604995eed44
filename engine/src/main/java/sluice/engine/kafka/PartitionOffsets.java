package sluice.engine.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Spark's Kafka offset text, {@code {"topic":{"0":42,"1":7}}}: for each partition the offset of the next record to
 * read. Written in topic, then partition order, so equal offsets always give equal text. Stateless.
 */
public final class PartitionOffsets {
    /** Topic by name, then partition by number: the order offsets are written and partitions are read in. */
    public static final Comparator<TopicPartition> ORDER = Comparator.comparing(TopicPartition::topic)
            .thenComparingInt(TopicPartition::partition);
    private static final ObjectMapper JSON = new ObjectMapper();

    private PartitionOffsets() {
    }

    public static SortedMap<TopicPartition, Long> sorted() {
        return new TreeMap<>(ORDER);
    }

    public static SortedMap<TopicPartition, Long> sorted(Map<TopicPartition, Long> offsets) {
        SortedMap<TopicPartition, Long> copy = sorted();
        copy.putAll(offsets);
        return copy;
    }

    public static String toJson(Map<TopicPartition, Long> offsets) {
        ObjectNode root = JSON.createObjectNode();
        for (Map.Entry<TopicPartition, Long> entry : sorted(offsets).entrySet()) {
            ObjectNode topic = root.has(entry.getKey().topic()) ? (ObjectNode) root.get(entry.getKey().topic())
                    : root.putObject(entry.getKey().topic());
            topic.put(Integer.toString(entry.getKey().partition()), entry.getValue());
        }
        return root.toString();
    }

    /** The offsets of a JSON text; IllegalArgumentException with Spark's expected form when it is not one. */
    public static SortedMap<TopicPartition, Long> parse(String json) {
        SortedMap<TopicPartition, Long> offsets = sorted();
        JsonNode root = read(json);
        for (Iterator<Map.Entry<String, JsonNode>> topics = root.fields(); topics.hasNext(); ) {
            Map.Entry<String, JsonNode> topic = topics.next();
            if (!topic.getValue().isObject()) {
                throw expected(json);
            }
            for (Iterator<Map.Entry<String, JsonNode>> parts = topic.getValue().fields(); parts.hasNext(); ) {
                Map.Entry<String, JsonNode> part = parts.next();
                if (!part.getValue().canConvertToLong() || !part.getValue().isIntegralNumber()) {
                    throw expected(json);
                }
                offsets.put(new TopicPartition(topic.getKey(), partition(part.getKey(), json)),
                        part.getValue().asLong());
            }
        }
        return offsets;
    }

    /** Spark's {@code assign} text, {@code {"topicA":[0,1],"topicB":[2,4]}}, in partition order. */
    public static java.util.List<TopicPartition> parsePartitions(String json) {
        java.util.TreeSet<TopicPartition> partitions = new java.util.TreeSet<>(ORDER);
        JsonNode root = read(json);
        for (Iterator<Map.Entry<String, JsonNode>> topics = root.fields(); topics.hasNext(); ) {
            Map.Entry<String, JsonNode> topic = topics.next();
            if (!topic.getValue().isArray()) {
                throw new IllegalArgumentException("expected {\"topicA\":[0,1],\"topicB\":[0,1]}, got " + json);
            }
            for (JsonNode number : topic.getValue()) {
                if (!number.isInt()) {
                    throw new IllegalArgumentException("expected {\"topicA\":[0,1],\"topicB\":[0,1]}, got " + json);
                }
                partitions.add(new TopicPartition(topic.getKey(), number.asInt()));
            }
        }
        return java.util.List.copyOf(partitions);
    }

    private static JsonNode read(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root != null && root.isObject()) {
                return root;
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // reported below with the expected form
        }
        throw expected(json);
    }

    private static int partition(String text, String json) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw expected(json);
        }
    }

    private static IllegalArgumentException expected(String json) {
        return new IllegalArgumentException("expected {\"topicA\":{\"0\":23,\"1\":-1},\"topicB\":{\"0\":-2}}, got "
                + json);
    }
}
