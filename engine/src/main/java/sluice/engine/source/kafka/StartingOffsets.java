package sluice.engine.source.kafka;

import java.util.Map;
import java.util.SortedMap;
import org.apache.kafka.common.TopicPartition;
import sluice.engine.kafka.PartitionOffsets;

/**
 * Where a Kafka source starts when its checkpoint has no offsets yet, from Spark's {@code startingTimestamp},
 * {@code startingOffsetsByTimestamp} or {@code startingOffsets} (in that order of precedence).
 */
public sealed interface StartingOffsets permits StartingOffsets.Earliest, StartingOffsets.Latest,
        StartingOffsets.Specific, StartingOffsets.AtTimestamp, StartingOffsets.ByTimestamp {
    /** In a {@link Specific} map: the partition's latest offset, as in Spark. */
    long LATEST = -1;
    /** In a {@link Specific} map: the partition's earliest offset, as in Spark. */
    long EARLIEST = -2;

    record Earliest() implements StartingOffsets {}

    record Latest() implements StartingOffsets {}

    /** Per-partition offsets; every partition read must be named. */
    record Specific(SortedMap<TopicPartition, Long> offsets) implements StartingOffsets {
        public Specific {
            offsets = PartitionOffsets.sorted(offsets);
        }
    }

    /** {@code startingTimestamp}: in every partition, the first record at or after this time (epoch ms). */
    record AtTimestamp(long epochMillis) implements StartingOffsets {}

    /** {@code startingOffsetsByTimestamp}: a time (epoch ms) per partition; every partition read must be named. */
    record ByTimestamp(SortedMap<TopicPartition, Long> epochMillis) implements StartingOffsets {
        public ByTimestamp {
            epochMillis = PartitionOffsets.sorted(epochMillis);
        }

        public Map<TopicPartition, Long> asMap() {
            return epochMillis;
        }
    }
}
