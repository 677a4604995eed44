package sluice.engine.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import sluice.engine.source.InputPartition;
import sluice.engine.source.Source;
import sluice.engine.source.SourceContext;
import sluice.engine.types.Batch;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/**
 * A fake source that always has data: every time the loop asks, one more row (its offset number) is there. Counts
 * the loop's requests for offsets, one per trigger. Thread-safe.
 */
final class EndlessSource implements Source {
    private final AtomicInteger offsetRequests = new AtomicInteger();

    int offsetRequests() {
        return offsetRequests.get();
    }

    @Override
    public Schema schema() {
        return ScriptedSource.SCHEMA;
    }

    @Override
    public void start(SourceContext context) {
    }

    @Override
    public String latestOffset(String start, ReadLimit limit) {
        offsetRequests.incrementAndGet();
        return Long.toString((start == null ? 0 : Long.parseLong(start)) + 1);
    }

    @Override
    public List<InputPartition> planInputPartitions(String start, String end) {
        List<Row> rows = new ArrayList<>();
        for (long n = start == null ? 0 : Long.parseLong(start); n < Long.parseLong(end); n++) {
            rows.add(Row.of(n));
        }
        return List.of(() -> Batch.ofRows(ScriptedSource.SCHEMA, rows));
    }
}
