package sluice.engine.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import sluice.engine.checkpoint.LogFiles;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.Field;
import sluice.engine.types.Schema;
import sluice.engine.types.VectorBuilder;

/**
 * Spark's rate source: {@code rowsPerSecond} rows a second with consecutive {@code value}s and their
 * {@code timestamp}s, ramping up linearly over {@code rampUpTime}. The offset is the whole seconds elapsed since the
 * query first started; that start time is kept in the source's metadata folder, so a restart replays the same values
 * and timestamps. Owned by the query thread.
 */
public final class RateSource implements Source {
    public static final Schema SCHEMA = Schema.of(new Field("timestamp", AtomicType.TIMESTAMP, false),
            new Field("value", AtomicType.BIGINT, false));

    private final long rowsPerSecond;
    private final long rampUpSeconds;
    private final int numPartitions;
    private SourceContext context;
    private long creationTimeMs;
    private long lastTimeMs;
    private Long availableNowEnd;

    public RateSource(long rowsPerSecond, long rampUpSeconds, int numPartitions) {
        if (rowsPerSecond < 1 || rampUpSeconds < 0 || numPartitions < 1) {
            throw new IllegalArgumentException("bad rate source options");
        }
        this.rowsPerSecond = rowsPerSecond;
        this.rampUpSeconds = rampUpSeconds;
        this.numPartitions = numPartitions;
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public void start(SourceContext sourceContext) {
        this.context = sourceContext;
        creationTimeMs = recoverStartTime(sourceContext.metadataDir(), sourceContext.clock().millis());
        lastTimeMs = creationTimeMs;
    }

    private static long recoverStartTime(Path metadataDir, long now) {
        if (metadataDir == null) {
            return now;
        }
        Path log = metadataDir.resolve("0");
        try {
            if (Files.exists(log)) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                return Long.parseLong(lines.get(lines.size() - 1).trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Spark's rate source writes its start time as batch 0 of its own metadata log.
        LogFiles.writeAtomically(log, "v1\n" + now);
        return now;
    }

    @Override
    public String latestOffset(String start, ReadLimit limit) {
        if (availableNowEnd != null) {
            return Long.toString(availableNowEnd);
        }
        long now = context.clock().millis();
        if (lastTimeMs < now) {
            lastTimeMs = now;
        }
        return Long.toString((lastTimeMs - creationTimeMs) / 1000);
    }

    @Override
    public void prepareForAvailableNow() {
        availableNowEnd = Long.parseLong(latestOffset(null, ReadLimit.ALL_AVAILABLE));
    }

    @Override
    public List<InputPartition> planInputPartitions(String start, String end) {
        long startSeconds = start == null ? 0 : Long.parseLong(start);
        long endSeconds = Long.parseLong(end);
        lastTimeMs = Math.max(lastTimeMs, creationTimeMs + endSeconds * 1000);
        long rangeStart = valueAtSecond(startSeconds);
        long rangeEnd = valueAtSecond(endSeconds);
        List<InputPartition> partitions = new ArrayList<>();
        if (rangeStart == rangeEnd) {
            return partitions;
        }
        long localStartMs = creationTimeMs + startSeconds * 1000;
        double msPerValue = (endSeconds - startSeconds) * 1000.0 / (rangeEnd - rangeStart);
        for (int p = 0; p < numPartitions; p++) {
            int partition = p;
            partitions.add(() -> read(partition, rangeStart, rangeEnd, localStartMs, msPerValue));
        }
        return partitions;
    }

    private Batch read(int partition, long rangeStart, long rangeEnd, long localStartMs, double msPerValue) {
        int capacity = (int) Math.max(0, (rangeEnd - rangeStart - partition + numPartitions - 1) / numPartitions);
        VectorBuilder timestamps = new VectorBuilder(AtomicType.TIMESTAMP, capacity);
        VectorBuilder values = new VectorBuilder(AtomicType.BIGINT, capacity);
        // Values are dealt to partitions round-robin, as Spark's rate source does.
        for (long value = rangeStart + partition; value < rangeEnd; value += numPartitions) {
            long relativeMs = Math.round((value - rangeStart) * msPerValue);
            timestamps.appendLong((localStartMs + relativeMs) * 1000);
            values.appendLong(value);
        }
        return new Batch(SCHEMA, List.of(timestamps.build(), values.build()), values.size());
    }

    /** The first value of second {@code seconds}: a linear ramp up to full speed, then full speed. */
    long valueAtSecond(long seconds) {
        long speedDeltaPerSecond = rowsPerSecond / (rampUpSeconds + 1);
        if (seconds <= rampUpSeconds) {
            // Sum of the ramp's speeds, halving the even factor first to stay clear of overflow.
            return seconds % 2 == 1 ? (seconds + 1) / 2 * speedDeltaPerSecond * seconds
                    : seconds / 2 * speedDeltaPerSecond * (seconds + 1);
        }
        return valueAtSecond(rampUpSeconds) + (seconds - rampUpSeconds) * rowsPerSecond;
    }
}
