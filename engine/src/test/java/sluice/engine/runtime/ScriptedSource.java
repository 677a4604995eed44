package sluice.engine.runtime;

import java.util.ArrayList;
import java.util.List;
import sluice.engine.source.InputPartition;
import sluice.engine.source.Source;
import sluice.engine.source.SourceContext;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.Field;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/**
 * A fake source whose rows are added by the test: the offset is the number of rows added, and every read of
 * (start, end] returns those rows, as a replayable source must. Thread-safe.
 */
final class ScriptedSource implements Source {
    static final Schema SCHEMA = Schema.of(Field.of("n", AtomicType.BIGINT));
    private final List<Long> rows = new ArrayList<>();
    private final List<String> reads = new ArrayList<>();
    private int maxPerBatch = Integer.MAX_VALUE;
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
    public synchronized String latestOffset(String start, ReadLimit limit) {
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
        List<Row> slice = new ArrayList<>();
        for (long value : rows.subList(from, to)) {
            slice.add(Row.of(value));
        }
        return List.of(() -> Batch.ofRows(SCHEMA, slice));
    }
}
