package sluice.engine.source.kafka;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.regex.Pattern;
import org.apache.kafka.common.TopicPartition;

/** Which partitions a Kafka source reads: Spark's {@code subscribe}, {@code subscribePattern} or {@code assign}. */
public sealed interface Subscription permits Subscription.Topics, Subscription.TopicPattern, Subscription.Assign {

    /** Whether topic {@code name} is read (every partition of it), for the kinds that follow topics. */
    boolean includesTopic(String name);

    /** {@code subscribe}: these topics, all their partitions, new partitions included. */
    record Topics(List<String> names) implements Subscription {
        public Topics {
            names = List.copyOf(names);
        }

        @Override
        public boolean includesTopic(String name) {
            return names.contains(name);
        }
    }

    /** {@code subscribePattern}: every topic whose whole name matches, new ones included, as Kafka matches it. */
    record TopicPattern(Pattern pattern) implements Subscription {
        public TopicPattern {
            requireNonNull(pattern, "pattern is null");
        }

        @Override
        public boolean includesTopic(String name) {
            return pattern.matcher(name).matches();
        }
    }

    /** {@code assign}: exactly these partitions. */
    record Assign(List<TopicPartition> partitions) implements Subscription {
        public Assign {
            partitions = List.copyOf(partitions);
        }

        @Override
        public boolean includesTopic(String name) {
            return false;
        }
    }
}
