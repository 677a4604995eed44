package sluice.app.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sluice.app.run.BatchFeed;
import sluice.app.run.FeedEvent;
import sluice.engine.runtime.BatchSnapshot;
import sluice.engine.runtime.QueryProgress;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Field;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/**
 * Mutable, its own thread. Offers what the query thread would for a {@code rate -> pick -> table, chart} pipeline
 * running 10,000-row batches: one batch event with a bounded snapshot of every node (separate row copies, as the
 * engine's listener makes) and one progress event per batch. The engine's rate source counts in whole seconds, so it
 * cannot make 10 batches a second; this stands in for it and measures the window alone.
 */
final class BenchStream {
    static final Schema RATE = Schema.of(Field.of("timestamp", AtomicType.TIMESTAMP),
            Field.of("value", AtomicType.BIGINT));
    static final Schema PICK = Schema.of(Field.of("timestamp", AtomicType.TIMESTAMP),
            Field.of("value", AtomicType.BIGINT), Field.of("symbol", AtomicType.STRING),
            Field.of("price", AtomicType.DOUBLE));
    /** Rows the engine's feeding listener keeps per node and batch (its MAX_ROWS). */
    static final int KEPT_ROWS = 2_000;
    private final BatchFeed feed;
    private final int rowsPerBatch;
    private long batchId;
    private long nextValue;

    BenchStream(BatchFeed feed, int rowsPerBatch) {
        this.feed = feed;
        this.rowsPerBatch = rowsPerBatch;
    }

    long batches() {
        return batchId;
    }

    void offerNext(long startMicros) {
        int kept = Math.min(rowsPerBatch, KEPT_ROWS);
        Map<String, BatchSnapshot> nodes = new LinkedHashMap<>();
        nodes.put("rate", new BatchSnapshot(batchId, "rate", RATE, rows(kept, startMicros, false), rowsPerBatch));
        for (String node : List.of("pick", "table", "chart")) {
            nodes.put(node, new BatchSnapshot(batchId, node, PICK, rows(kept, startMicros, true), rowsPerBatch));
        }
        feed.offer(new FeedEvent.BatchEvent(batchId, nodes));
        feed.offer(new FeedEvent.ProgressEvent(new QueryProgress("bench", "bench", "bench", Instant.now().toString(),
                batchId, rowsPerBatch, rowsPerBatch * 10.0, rowsPerBatch * 10.0 * (0.9 + Math.random() * 0.2),
                Map.of("triggerExecution", 20L + (long) (Math.random() * 30)), List.of(), List.of(),
                Map.of("rate", (long) rowsPerBatch, "pick", (long) rowsPerBatch))));
        nextValue += rowsPerBatch;
        batchId++;
    }

    private List<Row> rows(int count, long startMicros, boolean picked) {
        List<Row> rows = new ArrayList<>(count);
        // Spread the kept rows over the batch's 100 ms, as a rate source's timestamps are.
        for (int i = 0; i < count; i++) {
            long value = nextValue + (long) i * rowsPerBatch / count;
            Instant at = Instant.EPOCH.plusNanos((startMicros + i * 100_000L / count) * 1000);
            rows.add(picked ? Row.of(at, value, "S" + value % 8, 100 + 20 * Math.sin(value / 20_000.0) + value % 8)
                    : Row.of(at, value));
        }
        return rows;
    }
}
