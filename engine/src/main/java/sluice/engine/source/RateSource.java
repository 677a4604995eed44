package sluice.engine.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import sluice.engine.checkpoint.LogFiles;
import sluice.engine.task.TaskInterruption;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.Field;
import sluice.engine.types.Schema;
import sluice.engine.types.VectorBuilder;

/**
 * Spark's rate source: {@code rowsPerSecond} rows a second with consecutive {@code value}s and their
 * {@code timestamp}s, ramping up linearly over {@code rampUpTime}. The offset is the whole seconds elapsed since the
 * query first started; that start time is kept in the source's metadata folder, so a restart replays the same values
 * and timestamps.
 *
 * <p>Spark's rate source puts every second that passed into the next batch however far behind the engine is, and its
 * memory stays flat only because Spark streams a batch's rows through its operators one at a time. Sluice holds a
 * batch's columns in memory, so a batch here takes at most {@code maxRowsPerBatch} rows, in whole seconds and never
 * less than one second: an engine that cannot keep up falls behind the clock instead of running out of memory, and
 * the values and timestamps stay Spark's. Owned by the query thread.
 */
public final class RateSource implements Source {
    public static final Schema SCHEMA = Schema.of(new Field("timestamp", AtomicType.TIMESTAMP, false),
            new Field("value", AtomicType.BIGINT, false));
    /**
     * Heap a batch's row may cost: 16 bytes in this source, more for every column the pipeline adds (a string is 50
     * bytes and up), and the workbench keeps every node's output of the batch. A kilobyte leaves room for all that.
     */
    private static final long HEAP_BYTES_PER_ROW = 1024;
    /** How often a partition's loop looks for a stop, in rows: often enough to stop within milliseconds. */
    private static final int ROWS_BETWEEN_CHECKS = 1 << 16;
    private static final System.Logger LOG = System.getLogger(RateSource.class.getName());

    private final long rowsPerSecond;
    private final long rampUpSeconds;
    private final int numPartitions;
    private final long maxRowsPerBatch;
    private boolean heldBack;
    private SourceContext context;
    private long creationTimeMs;
    private long lastTimeMs;
    private Long availableNowEnd;

    /** A rate source whose batches hold at most the rows that fit this JVM's maximum heap at a kilobyte a row. */
    public RateSource(long rowsPerSecond, long rampUpSeconds, int numPartitions) {
        this(rowsPerSecond, rampUpSeconds, numPartitions,
                Math.max(1, Runtime.getRuntime().maxMemory() / HEAP_BYTES_PER_ROW));
    }

    public RateSource(long rowsPerSecond, long rampUpSeconds, int numPartitions, long maxRowsPerBatch) {
        if (rowsPerSecond < 1 || rampUpSeconds < 0 || numPartitions < 1 || maxRowsPerBatch < 1) {
            throw new IllegalArgumentException("bad rate source options");
        }
        this.rowsPerSecond = rowsPerSecond;
        this.rampUpSeconds = rampUpSeconds;
        this.numPartitions = numPartitions;
        this.maxRowsPerBatch = maxRowsPerBatch;
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

    /** The seconds elapsed now, capped so the batch from {@code start} holds no more than fits (whatever the limit). */
    @Override
    public String latestOffset(String start, ReadLimit limit) {
        long end = availableNowEnd != null ? availableNowEnd : secondsElapsed();
        return Long.toString(heldToFit(start == null ? 0 : Long.parseLong(start), end));
    }

    private long secondsElapsed() {
        long now = context.clock().millis();
        if (lastTimeMs < now) {
            lastTimeMs = now;
        }
        return (lastTimeMs - creationTimeMs) / 1000;
    }

    /** The last second up to {@code end} whose batch from {@code start} holds at most maxRowsPerBatch rows. */
    private long heldToFit(long start, long end) {
        long first = valueAtSecond(start);
        if (end <= start + 1 || valueAtSecond(end) - first <= maxRowsPerBatch) {
            return end;
        }
        // At least one second, the offset's unit; then the largest second that fits (valueAtSecond only grows).
        long fits = start + 1;
        long over = end;
        while (over - fits > 1) {
            long middle = fits + (over - fits) / 2;
            if (valueAtSecond(middle) - first <= maxRowsPerBatch) {
                fits = middle;
            } else {
                over = middle;
            }
        }
        if (!heldBack) {
            heldBack = true;
            LOG.log(System.Logger.Level.WARNING, "{0}: {1} seconds of rows at {2} a second are due, more than a "
                    + "batch holds; batches take at most {3} rows (whole seconds, at least one), so the values fall "
                    + "behind the clock instead of filling the memory", context.nodeId(), Long.toString(end - start),
                    Long.toString(rowsPerSecond), Long.toString(maxRowsPerBatch));
        }
        return fits;
    }

    @Override
    public void prepareForAvailableNow() {
        availableNowEnd = secondsElapsed();
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
        int sinceCheck = 0;
        for (long value = rangeStart + partition; value < rangeEnd; value += numPartitions) {
            if (++sinceCheck == ROWS_BETWEEN_CHECKS) {
                sinceCheck = 0;
                TaskInterruption.check();
            }
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
