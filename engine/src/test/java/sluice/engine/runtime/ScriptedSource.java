package sluice.engine.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sluice.engine.source.InputPartition;
import sluice.engine.source.Source;
import sluice.engine.source.SourceContext;
import sluice.engine.task.TaskInterruption;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.Field;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/**
 * A fake source whose rows are added by the test: the offset is the number of rows added, and every read of
 * (start, end] returns those rows, as a replayable source must, dealt round-robin to its partitions. Its reads can be
 * made to stall until their thread is interrupted, as reads of a slow medium do, and its answer for the latest offset
 * until the test lets it go, as a broker that does not answer. Thread-safe.
 */
final class ScriptedSource implements Source {
    static final Schema SCHEMA = Schema.of(Field.of("n", AtomicType.BIGINT));
    private final List<Long> rows = new ArrayList<>();
    private final List<String> reads = new ArrayList<>();
    private int maxPerBatch = Integer.MAX_VALUE;
    private int partitions = 1;
    private CountDownLatch stalledReads;
    private CountDownLatch askedForOffsets;
    private CountDownLatch offsetsReleased;
    private Integer availableNowEnd;

    synchronized ScriptedSource add(long... values) {
        for (long value : values) {
            rows.add(value);
        }
        return this;
    }

    synchronized ScriptedSource maxPerBatch(int max) {
        maxPerBatch = max;
        return this;
    }

    synchronized ScriptedSource partitions(int count) {
        partitions = count;
        return this;
    }

    /** From now on every partition read counts down {@code expected} reads, then waits until it is interrupted. */
    synchronized ScriptedSource stallReads(int expected) {
        stalledReads = new CountDownLatch(expected);
        return this;
    }

    /** Waits (bounded) until the expected reads are stalled. */
    void awaitStalledReads() throws InterruptedException {
        CountDownLatch latch;
        synchronized (this) {
            latch = stalledReads;
        }
        awaitBounded(latch, "the reads never started");
    }

    /** From now on the loop's next question for the latest offset waits until {@link #releaseOffsets}. */
    synchronized ScriptedSource stallOffsets() {
        askedForOffsets = new CountDownLatch(1);
        offsetsReleased = new CountDownLatch(1);
        return this;
    }

    /** Waits (bounded) until the loop is asking for the latest offset and stalled. */
    void awaitStalledOffsets() throws InterruptedException {
        CountDownLatch latch;
        synchronized (this) {
            latch = askedForOffsets;
        }
        awaitBounded(latch, "the loop never asked for offsets");
    }

    /** Fails with {@code failure} rather than hang when {@code latch} is not released within 30 s. */
    private static void awaitBounded(CountDownLatch latch, String failure) throws InterruptedException {
        if (!latch.await(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(failure);
        }
    }

    synchronized void releaseOffsets() {
        offsetsReleased.countDown();
    }

    synchronized List<String> reads() {
        return List.copyOf(reads);
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public void start(SourceContext context) {
    }

    @Override
    public String latestOffset(String start, ReadLimit limit) {
        CountDownLatch asked;
        CountDownLatch released;
        synchronized (this) {
            asked = askedForOffsets;
            released = offsetsReleased;
        }
        if (asked != null) {
            asked.countDown();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return offsetNow(start, limit);
    }

    private synchronized String offsetNow(String start, ReadLimit limit) {
        int from = start == null ? 0 : Integer.parseInt(start);
        int end = availableNowEnd != null ? availableNowEnd : rows.size();
        if (end == 0) {
            return null;
        }
        int capped = limit == ReadLimit.ALL_AVAILABLE ? end : (int) Math.min(end, (long) from + maxPerBatch);
        return Integer.toString(capped);
    }

    @Override
    public synchronized void prepareForAvailableNow() {
        availableNowEnd = rows.size();
    }

    @Override
    public synchronized List<InputPartition> planInputPartitions(String start, String end) {
        int from = start == null ? 0 : Integer.parseInt(start);
        int to = Integer.parseInt(end);
        reads.add(start + ".." + end);
        List<List<Row>> slices = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            slices.add(new ArrayList<>());
        }
        for (int i = from; i < to; i++) {
            slices.get((i - from) % partitions).add(Row.of(rows.get(i)));
        }
        CountDownLatch stall = stalledReads;
        List<InputPartition> planned = new ArrayList<>();
        for (List<Row> slice : slices) {
            planned.add(() -> {
                if (stall != null) {
                    stall(stall);
                }
                return Batch.ofRows(SCHEMA, slice);
            });
        }
        return planned;
    }

    private static void stall(CountDownLatch started) {
        started.countDown();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            throw TaskInterruption.of(e);
        }
    }
}
