package sluice.engine.operator;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import sluice.engine.aggregate.StoredValues;
import sluice.engine.state.PartitionState;
import sluice.engine.state.StateCopy;
import sluice.engine.state.RowEncoding;
import sluice.engine.state.StateKey;
import sluice.engine.state.StateLocation;
import sluice.engine.state.StateMetrics;
import sluice.engine.state.StateRetention;
import sluice.engine.state.StateStore;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.Field;
import sluice.engine.types.LongVector;
import sluice.engine.types.NullMask;
import sluice.engine.types.PartitionedBatch;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/**
 * Spark's streaming {@code dropDuplicates(columns)} and {@code dropDuplicatesWithinWatermark(columns)}: a row passes
 * only if no earlier row, in this batch or any before, had the same values in the key columns and is still in the
 * state; the first one is kept. Each key is routed by its hash to a state partition, as Spark's shuffle does.
 * <p>
 * Without a watermark above, keys stay for ever. With one whose event-time column is in the input, rows behind the
 * previous batch's watermark are late, dropped and counted (Spark's BaseStreamingDeduplicateExec), and keys leave
 * the state as Spark's two operators evict them: StreamingDeduplicateExec only when a key column is the event time,
 * once the watermark reaches it; StreamingDeduplicateWithinWatermarkExec once the watermark reaches the first row's
 * event time plus the watermark's delay, which it keeps as the key's value. Mutable (its state), owned by one query;
 * batches run one at a time.
 */
public final class DropDuplicatesOperator implements StatefulOperator {
    private static final Object[] NO_VALUE = new Object[0];

    private final Schema schema;
    private final int[] keyColumns;
    private final boolean withinWatermark;
    /** Whether a watermark is above, reaching this input or not (Spark then still runs no-data batches). */
    private final boolean hasWatermark;
    /** The column of the watermark's event time, or -1 when no watermark above reaches this input. */
    private final int eventTimeColumn;
    private final long delayMs;
    /** The index among the keys of the event-time column, or -1. */
    private final int eventTimeKey;
    private final RowEncoding keys;
    private StateStore store;
    /** The eviction watermark the last batch used, for Spark's test whether a no-data batch must run. */
    private long lastEvictionWatermarkMs;
    private final AtomicLong droppedByWatermark = new AtomicLong();

    /** {@code keyColumns}: the indexes of the key columns in the input; no watermark yet. */
    public DropDuplicatesOperator(Schema schema, int[] keyColumns, boolean withinWatermark) {
        this(schema, keyColumns, withinWatermark, false, -1, 0);
    }

    private DropDuplicatesOperator(Schema schema, int[] keyColumns, boolean withinWatermark, boolean hasWatermark,
                                   int eventTimeColumn, long delayMs) {
        this.schema = requireNonNull(schema, "schema is null");
        this.keyColumns = keyColumns.clone();
        this.withinWatermark = withinWatermark;
        this.hasWatermark = hasWatermark;
        this.eventTimeColumn = eventTimeColumn;
        this.delayMs = delayMs;
        List<DataType> types = new ArrayList<>();
        int found = -1;
        for (int k = 0; k < this.keyColumns.length; k++) {
            types.add(schema.field(this.keyColumns[k]).type());
            if (this.keyColumns[k] == eventTimeColumn) {
                found = k;
            }
        }
        this.eventTimeKey = found;
        this.keys = RowEncoding.forKeys(types);
    }

    /**
     * This operator after a watermark on input column {@code column} (-1 when the watermark's event-time column does
     * not reach this input) with delay {@code delayMs}.
     */
    public DropDuplicatesOperator withWatermark(int column, long delayMs) {
        if (column < -1 || column >= schema.size()) {
            throw new IllegalArgumentException("no column " + column + " in " + schema);
        }
        return new DropDuplicatesOperator(schema, keyColumns, withinWatermark, true, column, delayMs);
    }

    public boolean withinWatermark() {
        return withinWatermark;
    }

    /** The names of the key columns, in key order. */
    public List<String> keyNames() {
        List<String> names = new ArrayList<>();
        for (int column : keyColumns) {
            names.add(schema.field(column).name());
        }
        return names;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public BitSet requiredInputColumns(int input, int inputWidth, BitSet requiredOutput) {
        BitSet needed = (BitSet) requiredOutput.clone();
        for (int column : keyColumns) {
            needed.set(column);
        }
        if (eventTimeColumn >= 0) {
            needed.set(eventTimeColumn);
        }
        return needed;
    }

    /** Spark's name for the state: its StreamingDeduplicateExec's or StreamingDeduplicateWithinWatermarkExec's. */
    @Override
    public String stateOperatorName() {
        return withinWatermark ? "dedupeWithinWatermark" : "dedupe";
    }

    /** Rows the last batch dropped for coming behind the watermark (Spark's numRowsDroppedByWatermark). */
    @Override
    public long numRowsDroppedByWatermark() {
        return droppedByWatermark.get();
    }

    @Override
    public boolean shouldRunAnotherBatch(long newWatermarkMs) {
        // Spark's BaseStreamingDeduplicateExec asks for a no-data batch whenever the watermark moved past the one it
        // evicted with, whether or not it has anything to evict.
        return hasWatermark && Math.max(newWatermarkMs, 0) > lastEvictionWatermarkMs;
    }

    @Override
    public StateMetrics stateMetrics() {
        return store == null ? new StateMetrics(0, 0, 0, 0, 0) : store.metrics();
    }

    @Override
    public void openState(StateContext context) {
        this.store = StateStore.open(new StateLocation(context.checkpoint() == null ? null
                        : StateLocation.folder(context.checkpoint(), context.operatorId()), context.operatorId(),
                context.shufflePartitions(), context.nodeId()), keys,
                RowEncoding.forValues(withinWatermark ? List.of(AtomicType.BIGINT) : List.of()),
                StateRetention.SPARK_DEFAULTS);
    }

    /**
     * The keys in state after batch {@code batchId}, under their column names; for dropDuplicatesWithinWatermark also
     * {@code expiresAt}, the time the watermark must reach for the key to leave the state (the first row's event time
     * plus the delay, which Spark keeps as the key's value).
     */
    @Override
    public StateRows stateRows(long batchId, int maxRows) {
        if (store == null) {
            throw new IllegalStateException("the state of dropDuplicates is read before it is opened");
        }
        List<Field> fields = new ArrayList<>();
        for (int column : keyColumns) {
            fields.add(schema.field(column));
        }
        if (withinWatermark) {
            fields.add(new Field("expiresAt", AtomicType.TIMESTAMP, false));
        }
        StateCopy copy = store.copyOf(batchId + 1, maxRows);
        List<Object[]> rows = new ArrayList<>();
        copy.rows().forEach((key, value) -> {
            Object[] row = new Object[fields.size()];
            keys.decodeKey(key, row);
            if (withinWatermark) {
                row[keyColumns.length] = value[0];
            }
            rows.add(row);
        });
        return StateRows.of(new Schema(fields), rows, copy.totalRows());
    }

    /** One input partition's rows with their keys and the state partition of each. */
    private record Keyed(Batch rows, StateKey[] keys, int[] partitions, long[] eventTimes) {}

    @Override
    public PartitionedBatch execute(List<PartitionedBatch> inputs, TaskContext context) {
        if (store == null) {
            throw new IllegalStateException("the state of dropDuplicates is used before it is opened");
        }
        droppedByWatermark.set(0);
        long lateMicros = context.watermarks().forLateEventsMs() * 1000L;
        List<Keyed> keyed = context.tasks().map(inputs.get(0).partitions(), partition -> keyed(partition, lateMicros));
        List<Integer> partitions = IntStream.range(0, store.partitionCount()).boxed().toList();
        long evictionMicros = context.watermarks().forEvictionMs() * 1000L;
        List<Batch> output = context.tasks().map(partitions,
                p -> firstOccurrences(store.partition(p), p, keyed, context.batchId(), evictionMicros));
        lastEvictionWatermarkMs = hasWatermark ? context.watermarks().forEvictionMs() : 0;
        return new PartitionedBatch(schema, output);
    }

    /** The partition's rows that are not late, with their keys, state partitions and event times. */
    private Keyed keyed(Batch partition, long lateMicros) {
        if (eventTimeColumn >= 0) {
            LongVector times = eventTimes(partition.column(eventTimeColumn));
            int[] onTime = new int[partition.rowCount()];
            int count = 0;
            for (int r = 0; r < onTime.length; r++) {
                // A null event time is never behind the watermark: Spark's predicate ts <= watermark is null for it.
                if (times.isNull(r) || times.getLong(r) > lateMicros) {
                    onTime[count++] = r;
                }
            }
            droppedByWatermark.addAndGet(onTime.length - count);
            if (count < onTime.length) {
                partition = partition.select(onTime, count);
            }
        }
        int rows = partition.rowCount();
        StateKey[] rowKeys = new StateKey[rows];
        int[] target = new int[rows];
        long[] eventTimes = new long[eventTimeColumn >= 0 ? rows : 0];
        LongVector times = eventTimeColumn >= 0 ? eventTimes(partition.column(eventTimeColumn)) : null;
        Object[] values = new Object[keyColumns.length];
        for (int r = 0; r < rows; r++) {
            if (times != null) {
                // Spark reads a null event time as 0 when it works out when the key expires.
                eventTimes[r] = times.isNull(r) ? 0 : times.getLong(r);
            }
            for (int k = 0; k < keyColumns.length; k++) {
                values[k] = StoredValues.read(partition.column(keyColumns[k]), r);
            }
            rowKeys[r] = new StateKey(keys.encode(values, 0));
            target[r] = rowKeys[r].partition(store.partitionCount());
        }
        return new Keyed(partition, rowKeys, target, eventTimes);
    }

    private Batch firstOccurrences(PartitionState state, int partition, List<Keyed> keyed, long batchId,
                                   long evictionMicros) {
        state.begin(batchId);
        Set<StateKey> seen = new HashSet<>();
        List<Batch> kept = new ArrayList<>();
        for (Keyed input : keyed) {
            int[] rows = new int[input.keys().length];
            int count = 0;
            for (int r = 0; r < rows.length; r++) {
                StateKey key = input.keys()[r];
                if (input.partitions()[r] == partition && state.get(key) == null && seen.add(key)) {
                    // Spark adds the delay to the event time as a plain long sum.
                    state.put(key, withinWatermark
                            ? new Object[] {input.eventTimes()[r] + Math.multiplyExact(delayMs, 1000L)}
                            : NO_VALUE);
                    rows[count++] = r;
                }
            }
            kept.add(input.rows().select(rows, count));
        }
        if (withinWatermark || eventTimeKey >= 0) {
            expired(state, evictionMicros).forEach(state::remove);
        }
        state.commit();
        return Batch.concat(schema, kept);
    }

    /**
     * The event times of a column: the column itself, or the ends of a window column's windows (an earlier
     * aggregation's), which Spark's WatermarkSupport compares with the watermark for a struct event time.
     */
    private static LongVector eventTimes(ColumnVector column) {
        if (column instanceof LongVector times) {
            return times;
        }
        long[] ends = new long[column.size()];
        long[] nulls = NullMask.newWords(column.size());
        for (int r = 0; r < ends.length; r++) {
            Object end = column.get(r) instanceof Row window ? windowEnd(window) : null;
            if (end == null) {
                NullMask.set(nulls, r);
            } else {
                ends[r] = (Long) end;
            }
        }
        return new LongVector(AtomicType.TIMESTAMP, ends, ends.length, nulls);
    }

    /** A window's end in microseconds, or null. */
    private static Long windowEnd(Row window) {
        Object end = window.get(1);
        return end == null ? null : ColumnVector.toStoredLong(AtomicType.TIMESTAMP, end);
    }

    /** The keys in state that the watermark {@code evictionMicros} evicts, as Spark's deduplication evicts them. */
    private List<StateKey> expired(PartitionState state, long evictionMicros) {
        TreeSet<StateKey> all = new TreeSet<>(state.keys());
        all.addAll(state.changedKeys());
        List<StateKey> found = new ArrayList<>();
        Object[] keyValues = new Object[keyColumns.length];
        for (StateKey key : all) {
            Object[] value = state.get(key);
            if (value == null) {
                continue;
            }
            if (withinWatermark) {
                if (evictionMicros >= (Long) value[0]) {
                    found.add(key);
                }
            } else {
                keys.decodeKey(key, keyValues);
                Object time = keyValues[eventTimeKey] instanceof Row window
                        ? windowEnd(window) : keyValues[eventTimeKey];
                if (time instanceof Long eventTime && eventTime <= evictionMicros) {
                    found.add(key);
                }
            }
        }
        return found;
    }
}
