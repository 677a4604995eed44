package sluice.engine.source.kafka;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.TopicPartition;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.kafka.PartitionOffsets;

/**
 * Turns a Kafka source's {@link StartingOffsets} into offsets, once, when a query first starts, as Spark's
 * {@code KafkaOffsetReaderAdmin} does: earliest or latest of every partition read, the given offsets (-2 earliest,
 * -1 latest; every partition read must be named), or the first offset at or after a time. Used on the query thread.
 */
final class StartingOffsetResolver {
    private final KafkaMetadata metadata;
    private final KafkaSourceOptions options;
    private final String nodeId;

    StartingOffsetResolver(KafkaMetadata metadata, KafkaSourceOptions options, String nodeId) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.options = requireNonNull(options, "options is null");
        this.nodeId = requireNonNull(nodeId, "nodeId is null");
    }

    SortedMap<TopicPartition, Long> resolve() throws ExecutionException, InterruptedException {
        StartingOffsets starting = options.startingOffsets();
        SortedSet<TopicPartition> partitions = metadata.partitions();
        if (starting instanceof StartingOffsets.Earliest) {
            return metadata.earliest(partitions);
        } else if (starting instanceof StartingOffsets.Latest) {
            return metadata.latest(partitions);
        } else if (starting instanceof StartingOffsets.Specific specific) {
            return specific(specific.offsets(), partitions);
        } else if (starting instanceof StartingOffsets.AtTimestamp at) {
            Map<TopicPartition, Long> times = new TreeMap<>(PartitionOffsets.ORDER);
            partitions.forEach(tp -> times.put(tp, at.epochMillis()));
            return byTime(times, "startingTimestamp");
        } else if (starting instanceof StartingOffsets.ByTimestamp byTime) {
            checkAllNamed(byTime.epochMillis(), partitions, "startingOffsetsByTimestamp");
            return byTime(byTime.epochMillis(), "startingOffsetsByTimestamp");
        }
        throw new AssertionError(starting);
    }

    private SortedMap<TopicPartition, Long> specific(SortedMap<TopicPartition, Long> given,
                                                     SortedSet<TopicPartition> partitions)
            throws ExecutionException, InterruptedException {
        checkAllNamed(given, partitions, "startingOffsets");
        SortedMap<TopicPartition, Long> earliest = metadata.earliest(given.keySet());
        SortedMap<TopicPartition, Long> latest = metadata.latest(given.keySet());
        SortedMap<TopicPartition, Long> offsets = PartitionOffsets.sorted();
        for (Map.Entry<TopicPartition, Long> entry : given.entrySet()) {
            long offset = entry.getValue();
            TopicPartition tp = entry.getKey();
            if (offset == StartingOffsets.EARLIEST) {
                offsets.put(tp, earliest.get(tp));
            } else if (offset == StartingOffsets.LATEST) {
                offsets.put(tp, latest.get(tp));
            } else if (offset < earliest.get(tp) || offset > latest.get(tp)) {
                // Spark reports an offset out of the partition's range as data loss at the first read.
                if (options.failOnDataLoss()) {
                    throw Problem.of(ErrorCode.SOURCE_FAILED, Position.option(nodeId, "startingOffsets"),
                            "starting offset %d of %s is outside the offsets Kafka holds (%d to %d); set "
                                    + "'failOnDataLoss' to 'false' to start from the nearest one", offset,
                            OffsetRangeReader.where(tp), earliest.get(tp), latest.get(tp)).toException();
                }
                offsets.put(tp, Math.max(earliest.get(tp), Math.min(offset, latest.get(tp))));
            } else {
                offsets.put(tp, offset);
            }
        }
        return offsets;
    }

    private void checkAllNamed(Map<TopicPartition, Long> given, SortedSet<TopicPartition> partitions, String option) {
        if (!given.keySet().equals(partitions)) {
            throw Problem.of(ErrorCode.BAD_OPTION_VALUE, Position.option(nodeId, option), "'%s' must name every "
                    + "partition read, as Spark requires (-2 for earliest, -1 for latest): it names %s, Kafka has %s",
                    option, PartitionOffsets.toJson(given).replace("\"", "'"), names(partitions)).toException();
        }
    }

    private static String names(SortedSet<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return "none of these topics";
        }
        return String.join(", ", partitions.stream().map(tp -> tp.topic() + "-" + tp.partition()).toList());
    }

    private SortedMap<TopicPartition, Long> byTime(Map<TopicPartition, Long> times, String option)
            throws ExecutionException, InterruptedException {
        SortedMap<TopicPartition, Long> found = metadata.atTimes(times);
        SortedMap<TopicPartition, Long> latest = null;
        for (Map.Entry<TopicPartition, Long> entry : found.entrySet()) {
            if (entry.getValue() >= 0) {
                continue;
            }
            if (!options.latestWhenNoTimestampMatch()) {
                throw Problem.of(ErrorCode.SOURCE_FAILED, Position.option(nodeId, option), "no record of %s is at or "
                        + "after the time %d given by '%s'; set 'startingOffsetsByTimestampStrategy' to 'latest' to "
                        + "start at the latest offset there", OffsetRangeReader.where(entry.getKey()),
                        times.get(entry.getKey()), option).toException();
            }
            if (latest == null) {
                latest = metadata.latest(found.keySet());
            }
            entry.setValue(latest.get(entry.getKey()));
        }
        return found;
    }
}
