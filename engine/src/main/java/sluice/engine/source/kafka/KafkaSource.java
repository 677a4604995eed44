package sluice.engine.source.kafka;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import sluice.engine.checkpoint.LogFiles;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.diag.SluiceException;
import sluice.engine.kafka.KafkaFailures;
import sluice.engine.kafka.PartitionOffsets;
import sluice.engine.source.InputPartition;
import sluice.engine.source.Source;
import sluice.engine.source.SourceContext;
import sluice.engine.task.TaskInterruption;
import sluice.engine.types.Batch;
import sluice.engine.types.Schema;

/**
 * Spark's Kafka source ({@code format("kafka")}). The offset is a {@link PartitionOffsets} map; the first batch starts
 * from the starting offsets, decided once and kept in the source's metadata folder as Spark keeps them, so a restart
 * before the first commit starts from the same place. Each trigger lists the partitions again (new ones are read
 * from their earliest offset) and their latest offsets, capped by {@code maxOffsetsPerTrigger} in proportion to each
 * partition's backlog, or held back by {@code minOffsetsPerTrigger} until {@code maxTriggerDelay} passes, exactly as
 * Spark does. Offsets that went missing follow {@code failOnDataLoss}. Owned by the query thread; partitions are read
 * on partition tasks.
 */
public final class KafkaSource implements Source {
    private static final System.Logger LOG = System.getLogger(KafkaSource.class.getName());

    private final KafkaSourceOptions options;
    private final Schema schema;
    private final BitSet required;
    private SourceContext context;
    private KafkaMetadata metadata;
    private ConsumerPool consumers;
    private OffsetRangeReader reader;
    private SortedMap<TopicPartition, Long> initialOffsets;
    private SortedMap<TopicPartition, Long> availableNowEnd;
    private boolean availableNow;
    private long lastTriggerMillis;

    public KafkaSource(KafkaSourceOptions options) {
        this.options = requireNonNull(options, "options is null");
        this.schema = KafkaSchema.of(options.includeHeaders());
        this.required = new BitSet();
        required.set(0, schema.size());
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public void pruneColumns(BitSet columns) {
        required.clear();
        required.or(columns);
    }

    @Override
    public void start(SourceContext sourceContext) {
        this.context = sourceContext;
        Map<String, Object> config = options.clientConfig();
        // The consumers first: their thread loads the protocol while the Admin is made (a tenth of a second).
        consumers = new ConsumerPool(config);
        consumers.prepare(consumersAhead(sourceContext.parallelism()));
        try {
            metadata = new KafkaMetadata(config, options.subscription());
        } catch (org.apache.kafka.common.KafkaException e) {
            consumers.close();
            throw KafkaFailures.badSettings(sourceContext.nodeId(), e);
        }
        reader = new OffsetRangeReader(consumers, schema, required, options.failOnDataLoss(),
                Duration.ofMillis(options.pollTimeoutMs()), sourceContext.nodeId(), options.bootstrapServers());
    }

    /** As many consumers as partitions are read at once: the tasks' parallelism, or fewer assigned partitions. */
    private int consumersAhead(int parallelism) {
        if (options.subscription() instanceof Subscription.Assign assign) {
            return Math.min(parallelism, assign.partitions().size());
        }
        return parallelism;
    }

    @Override
    public String latestOffset(String start, ReadLimit limit) {
        metadata.nextTrigger();
        SortedMap<TopicPartition, Long> from = start == null ? initialOffsets() : PartitionOffsets.parse(start);
        SortedMap<TopicPartition, Long> latest;
        if (availableNow) {
            if (availableNowEnd == null) {
                availableNowEnd = latestOffsets(from);
            }
            latest = availableNowEnd;
        } else {
            latest = latestOffsets(from);
        }
        SortedMap<TopicPartition, Long> end = latest;
        if (limit != ReadLimit.ALL_AVAILABLE) {
            if (options.minOffsetsPerTrigger() != null && delayBatch(latest, from)) {
                end = from;
            } else if (options.maxOffsetsPerTrigger() != null) {
                end = rateLimit(options.maxOffsetsPerTrigger(), from, latest);
            }
        }
        if (end.isEmpty()) {
            return start;
        }
        return PartitionOffsets.toJson(end);
    }

    @Override
    public void prepareForAvailableNow() {
        availableNow = true;
        metadata.askLatestAhead();
    }

    /** Every partition read now with its latest offset; partitions that went away keep where they were. */
    private SortedMap<TopicPartition, Long> latestOffsets(SortedMap<TopicPartition, Long> from) {
        return ask("asking for the latest offsets", () -> {
            SortedSet<TopicPartition> partitions = metadata.partitions();
            return metadata.latest(partitions);
        });
    }

    /** Spark's minOffsetsPerTrigger rule: hold the batch back while too few records wait and the delay lasts. */
    private boolean delayBatch(Map<TopicPartition, Long> latest, Map<TopicPartition, Long> from) {
        long now = context.clock().millis();
        if (now - lastTriggerMillis >= options.maxTriggerDelayMs()) {
            lastTriggerMillis = now;
            return false;
        }
        double waiting = 0;
        for (Map.Entry<TopicPartition, Long> entry : latest.entrySet()) {
            waiting += entry.getValue() - from.getOrDefault(entry.getKey(), 0L);
        }
        if (waiting < options.minOffsetsPerTrigger()) {
            return true;
        }
        lastTriggerMillis = now;
        return false;
    }

    /** Spark's rateLimit: {@code limit} records shared among partitions in proportion to their backlog. */
    private SortedMap<TopicPartition, Long> rateLimit(long limit, Map<TopicPartition, Long> from,
                                                      SortedMap<TopicPartition, Long> until) {
        Set<TopicPartition> added = new TreeSet<>(PartitionOffsets.ORDER);
        added.addAll(until.keySet());
        added.removeAll(from.keySet());
        Map<TopicPartition, Long> fromNew = added.isEmpty() ? Map.of()
                : ask("asking for the earliest offsets", () -> metadata.earliest(added));
        SortedMap<TopicPartition, Long> sizes = PartitionOffsets.sorted();
        for (Map.Entry<TopicPartition, Long> entry : until.entrySet()) {
            Long begin = from.containsKey(entry.getKey()) ? from.get(entry.getKey()) : fromNew.get(entry.getKey());
            if (begin != null && entry.getValue() - begin > 0) {
                sizes.put(entry.getKey(), entry.getValue() - begin);
            }
        }
        double total = 0;
        for (long size : sizes.values()) {
            total += size;
        }
        if (total < 1) {
            return until;
        }
        SortedMap<TopicPartition, Long> limited = PartitionOffsets.sorted();
        for (Map.Entry<TopicPartition, Long> entry : until.entrySet()) {
            Long size = sizes.get(entry.getKey());
            if (size == null) {
                limited.put(entry.getKey(), entry.getValue());
                continue;
            }
            long begin = from.containsKey(entry.getKey()) ? from.get(entry.getKey()) : fromNew.get(entry.getKey());
            double prorate = limit * (size / total);
            // As Spark: a small partition still gets a record, and the sum cannot overflow.
            long prorateLong = (long) (prorate < 1 ? Math.ceil(prorate) : Math.floor(prorate));
            long off = prorateLong > Long.MAX_VALUE - begin ? Long.MAX_VALUE : begin + prorateLong;
            limited.put(entry.getKey(), Math.min(entry.getValue(), off));
        }
        return limited;
    }

    @Override
    public List<InputPartition> planInputPartitions(String start, String end) {
        SortedMap<TopicPartition, Long> from = start == null ? initialOffsets() : PartitionOffsets.parse(start);
        SortedMap<TopicPartition, Long> until = PartitionOffsets.parse(end);
        Set<TopicPartition> added = new TreeSet<>(PartitionOffsets.ORDER);
        added.addAll(until.keySet());
        added.removeAll(from.keySet());
        Map<TopicPartition, Long> addedStarts = added.isEmpty() ? Map.of()
                : ask("asking for the earliest offsets", () -> metadata.earliest(added));
        for (TopicPartition partition : added) {
            long earliest = addedStarts.get(partition);
            if (earliest != 0) {
                reportDataLoss("partition " + partition.partition() + " of topic '" + partition.topic()
                        + "' was added and starts at offset " + earliest + " instead of 0; records before it may "
                        + "have been missed");
            }
        }
        for (TopicPartition partition : from.keySet()) {
            if (!until.containsKey(partition)) {
                reportDataLoss("partition " + partition.partition() + " of topic '" + partition.topic()
                        + "' was deleted; its unread records may have been missed");
            }
        }
        List<InputPartition> partitions = new ArrayList<>();
        for (Map.Entry<TopicPartition, Long> entry : until.entrySet()) {
            TopicPartition partition = entry.getKey();
            long begin = from.containsKey(partition) ? from.get(partition) : addedStarts.get(partition);
            long stop = entry.getValue();
            if (stop < begin) {
                reportDataLoss("offsets of " + OffsetRangeReader.where(partition) + " went back from " + begin
                        + " to " + stop + "; records may have been missed");
                continue;
            }
            if (stop > begin) {
                partitions.add(new RangePartition(reader, partition, begin, stop));
            }
        }
        return partitions;
    }

    /** Spark's reportDataLoss: a failure with failOnDataLoss (the default), else a warning. */
    private void reportDataLoss(String message) {
        if (options.failOnDataLoss()) {
            throw Problem.of(ErrorCode.SOURCE_FAILED, Position.node(context.nodeId()), "%s; set 'failOnDataLoss' to "
                    + "'false' to go on when records may be lost", message).toException();
        }
        LOG.log(System.Logger.Level.WARNING, "{0}: {1}; going on as failOnDataLoss is false", context.nodeId(),
                message);
    }

    /** The starting offsets, decided on the first call and kept in the metadata folder as Spark's batch 0. */
    private SortedMap<TopicPartition, Long> initialOffsets() {
        if (initialOffsets != null) {
            return initialOffsets;
        }
        Path log = context.metadataDir() == null ? null : context.metadataDir().resolve("0");
        if (log != null && Files.exists(log)) {
            initialOffsets = readInitialOffsets(log);
            return initialOffsets;
        }
        initialOffsets = ask("asking for the starting offsets", () -> new StartingOffsetResolver(metadata,
                options, context.nodeId()).resolve());
        if (log != null) {
            writeInitialOffsets(log, initialOffsets);
        }
        LOG.log(System.Logger.Level.INFO, "{0}: starting offsets {1}", context.nodeId(),
                PartitionOffsets.toJson(initialOffsets));
        return initialOffsets;
    }

    /** Spark writes a zero byte first (for Spark 2.1.0's reader), then {@code v1} and the offsets. */
    private static void writeInitialOffsets(Path log, Map<TopicPartition, Long> offsets) {
        LogFiles.writeAtomically(log, "\0v1\n" + PartitionOffsets.toJson(offsets));
    }

    private SortedMap<TopicPartition, Long> readInitialOffsets(Path log) {
        try {
            String content = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            if (content.startsWith("\0")) {
                content = content.substring(1);
            }
            int newline = content.indexOf('\n');
            if (!content.startsWith("v") || newline < 0) {
                throw damaged(log, "it holds no log version");
            }
            if (!content.substring(0, newline).equals("v1")) {
                throw damaged(log, "its version '" + content.substring(0, newline) + "' is newer than v1");
            }
            return PartitionOffsets.parse(content.substring(newline + 1).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw damaged(log, "it holds no offsets");
        }
    }

    private SluiceException damaged(Path log, String why) {
        return Problem.of(ErrorCode.CHECKPOINT_FAILED, Position.node(context.nodeId()),
                "the Kafka source's starting offsets in '%s' cannot be read: %s", log, why).toException();
    }

    /** An Admin question, its Kafka failures turned into one line naming the broker. */
    private <T> T ask(String doing, KafkaCall<T> call) {
        try {
            return call.run();
        } catch (InterruptException e) {
            throw KafkaFailures.stopping(e);
        } catch (ExecutionException | org.apache.kafka.common.KafkaException e) {
            throw KafkaFailures.of(ErrorCode.SOURCE_FAILED, context.nodeId(), options.bootstrapServers(),
                    doing + " of " + describe(options.subscription()), e, metadata.timeout());
        } catch (InterruptedException e) {
            // The query is stopping: the batch is abandoned, not failed.
            throw TaskInterruption.of(e);
        }
    }

    static String describe(Subscription subscription) {
        if (subscription instanceof Subscription.Topics topics) {
            return (topics.names().size() == 1 ? "topic " : "topics ")
                    + String.join(", ", topics.names().stream().map(t -> "'" + t + "'").toList());
        } else if (subscription instanceof Subscription.TopicPattern pattern) {
            return "the topics matching '" + pattern.pattern().pattern() + "'";
        } else if (subscription instanceof Subscription.Assign assign) {
            return "the assigned partitions";
        }
        throw new AssertionError(subscription);
    }

    @Override
    public void close() {
        if (consumers != null) {
            consumers.close();
        }
        if (metadata != null) {
            metadata.close();
        }
    }

    /** The records of one partition between two offsets, as Spark's KafkaSourceRDDPartition. Immutable. */
    private record RangePartition(OffsetRangeReader reader, TopicPartition partition, long from, long until)
            implements InputPartition {
        @Override
        public Batch read() {
            List<Batch> batches = new ArrayList<>();
            read(batches::add);
            return batches.isEmpty() ? Batch.empty(reader.schema()) : Batch.concat(reader.schema(), batches);
        }

        @Override
        public void read(Consumer<Batch> out) {
            reader.read(partition, from, until, out);
        }
    }

    /** A call to the broker that may fail as kafka-clients fails. */
    @FunctionalInterface
    interface KafkaCall<T> {
        T run() throws ExecutionException, InterruptedException;
    }
}
