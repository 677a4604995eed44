package sluice.engine.operator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.IntStream;
import sluice.engine.aggregate.AggregateCall;
import sluice.engine.aggregate.StoredValues;
import sluice.engine.expr.CompiledExpression;
import sluice.engine.expr.EvalContext;
import sluice.engine.sink.OutputMode;
import sluice.engine.state.PartitionState;
import sluice.engine.state.StateCopy;
import sluice.engine.state.RowEncoding;
import sluice.engine.state.StateKey;
import sluice.engine.state.StateLocation;
import sluice.engine.state.StateMetrics;
import sluice.engine.state.StateRetention;
import sluice.engine.state.StateStore;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.Field;
import sluice.engine.types.LongVector;
import sluice.engine.types.PartitionedBatch;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;
import sluice.engine.types.VectorBuilder;

/**
 * Spark's streaming aggregation ({@code groupBy().agg()}): each batch's rows are routed by the hash of their grouping
 * key to a state partition, as Spark's shuffle does; each partition loads its state at the batch's version, folds its
 * rows into the groups' buffers and commits the next version, then emits every group (complete mode) or the groups
 * this batch changed (update mode), in key order. Without grouping columns there is one group, in partition 0 of one,
 * as Spark keeps a global aggregation's state.
 * <p>
 * When a key is the event-time column of a watermark above it (the column itself, or a window over it), the
 * aggregation follows Spark's StateStoreSaveExec in update and append mode: groups behind the previous batch's
 * watermark are late, dropped and counted; groups behind this batch's watermark are evicted from state, and append
 * mode emits a group only then, once it can no longer change. Complete mode keeps and emits every group.
 * Mutable (its state), owned by one query; batches run one at a time.
 */
public final class AggregateOperator implements StatefulOperator {
    private final Schema schema;
    private final List<GroupingKey> groupBy;
    private final List<AggregateCall> aggregations;
    private final RowEncoding keys;
    private final RowEncoding values;
    private final int[] offsets;
    private final int width;
    /** The index of the session window key, or -1; its sessions merge in {@link #sessions}. */
    private final int sessionKey;
    private final SessionMerge sessions;
    /**
     * How each input partition's rows are first aggregated per group, as Spark's partial aggregation does: for plain
     * keys (no time or session window) when every function merges partial aggregates exactly; else null.
     */
    private final PartialAggregation partials;
    private StateStore store;
    private OutputMode outputMode;
    /** The key that is the watermark's event-time column, or -1; set when the state opens. */
    private int eventTimeKey = -1;
    private boolean hasWatermark;
    /** The eviction watermark the last batch used, for Spark's test whether a no-data batch must run. */
    private long lastEvictionWatermarkMs;
    private final AtomicLong droppedByWatermark = new AtomicLong();
    /** The folds of the input partitions of batch {@link #foldsBatchId}, made in their tasks; null if none. */
    private List<PartitionFold> folds;
    private long foldsBatchId;

    public AggregateOperator(List<GroupingKey> groupBy, List<AggregateCall> aggregations) {
        this.groupBy = List.copyOf(groupBy);
        this.aggregations = List.copyOf(aggregations);
        List<Field> fields = new ArrayList<>();
        List<DataType> keyTypes = new ArrayList<>();
        for (GroupingKey key : this.groupBy) {
            fields.add(new Field(key.name(), key.type(), key.nullable()));
            keyTypes.add(key.type());
        }
        List<DataType> bufferTypes = new ArrayList<>();
        this.offsets = new int[this.aggregations.size()];
        for (int i = 0; i < this.aggregations.size(); i++) {
            AggregateCall call = this.aggregations.get(i);
            fields.add(new Field(call.name(), call.function().resultType(), call.function().nullable()));
            offsets[i] = bufferTypes.size();
            bufferTypes.addAll(call.function().bufferTypes());
        }
        this.width = bufferTypes.size();
        this.schema = new Schema(fields);
        this.keys = RowEncoding.forKeys(keyTypes);
        this.values = RowEncoding.forValues(bufferTypes);
        this.sessionKey = IntStream.range(0, this.groupBy.size())
                .filter(k -> this.groupBy.get(k) instanceof GroupingKey.SessionWindow).findFirst().orElse(-1);
        this.sessions = sessionKey < 0 ? null
                : new SessionMerge(keys, sessionKey, this.aggregations, offsets, width);
        this.partials = this.groupBy.stream().allMatch(key -> key instanceof GroupingKey.Expression)
                && this.aggregations.stream().allMatch(call -> call.function().mergesPartials())
                ? new PartialAggregation(keys, this.aggregations, offsets, width) : null;
    }

    @Override
    public void foldConstants(EvalContext context) {
        groupBy.forEach(key -> key.foldConstants(context));
        aggregations.forEach(call -> call.arguments().forEach(argument -> argument.foldConstants(context)));
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public BitSet requiredInputColumns(int input, int inputWidth, BitSet requiredOutput) {
        BitSet needed = new BitSet();
        groupBy.forEach(key -> needed.or(expressionOf(key).referencedColumns()));
        if (sessionKey >= 0 && ((GroupingKey.SessionWindow) groupBy.get(sessionKey)).gap() != null) {
            needed.or(((GroupingKey.SessionWindow) groupBy.get(sessionKey)).gap().referencedColumns());
        }
        aggregations.forEach(call -> call.arguments().forEach(arg -> needed.or(arg.referencedColumns())));
        return needed;
    }

    /** Spark's name for the state of a streaming aggregation, its StateStoreSaveExec's (or the session one's). */
    @Override
    public String stateOperatorName() {
        return sessionKey >= 0 ? "sessionWindowStateStoreSaveExec" : "stateStoreSave";
    }

    @Override
    public StateMetrics stateMetrics() {
        return store == null ? new StateMetrics(0, 0, 0, 0, 0) : store.metrics();
    }

    @Override
    public void openState(StateContext context) {
        int partitions = groupBy.isEmpty() ? 1 : context.shufflePartitions();
        this.store = StateStore.open(new StateLocation(context.checkpoint() == null ? null
                        : StateLocation.folder(context.checkpoint(), context.operatorId()), context.operatorId(),
                partitions, context.nodeId()), keys, values, StateRetention.SPARK_DEFAULTS);
        this.outputMode = context.outputMode();
        this.hasWatermark = !context.eventTimeColumns().isEmpty();
        this.eventTimeKey = eventTimeKey(context.eventTimeColumns());
    }

    /**
     * The index of the key that is one of {@code eventTimeColumns} (a watermark's event time) or a window over it,
     * or -1. Spark finds it by the watermark metadata the column carries; Sluice by the column's name.
     */
    public int eventTimeKey(List<String> eventTimeColumns) {
        for (int k = 0; k < groupBy.size(); k++) {
            String column = groupBy.get(k).column();
            if (column != null && eventTimeColumns.stream().anyMatch(column::equalsIgnoreCase)) {
                return k;
            }
        }
        return -1;
    }

    /** Whether a key is a session window, whose aggregation Spark runs in append and complete mode only. */
    public boolean hasSessionWindow() {
        return sessionKey >= 0;
    }

    /** Groups the last batch dropped as late, one per key and state partition (Spark's numRowsDroppedByWatermark). */
    @Override
    public long numRowsDroppedByWatermark() {
        return droppedByWatermark.get();
    }

    @Override
    public boolean shouldRunAnotherBatch(long newWatermarkMs) {
        // Spark's StateStoreSaveExec asks for a no-data batch in append and update mode whenever its input watermark
        // moved past the one it evicted with, whether or not a key is the event time.
        return hasWatermark && outputMode != OutputMode.COMPLETE
                && Math.max(newWatermarkMs, 0) > lastEvictionWatermarkMs;
    }

    private static CompiledExpression expressionOf(GroupingKey key) {
        if (key instanceof GroupingKey.Expression expression) {
            return expression.expression();
        } else if (key instanceof GroupingKey.TimeWindow window) {
            return window.timeColumn();
        } else if (key instanceof GroupingKey.SessionWindow session) {
            return session.timeColumn();
        }
        throw new AssertionError(key);
    }

    /**
     * One input partition's rows, evaluated and routed: the arguments; per entry (a row, or a row in one of its
     * windows) its key, its row and its event time in microseconds (null when no key is the event time); the entries
     * per state partition. With partial aggregation, only {@code partials}: per state partition, the partition's
     * groups, each with its partial buffer.
     */
    private record Routed(List<List<ColumnVector>> args, StateKey[] keys, int[] rowOf, Long[] eventTimes,
                          int[][] entries, StateKey[] groups, long[] spans,
                          List<List<PartialAggregation.Partial>> partials) {}

    @Override
    public PartitionedBatch execute(List<PartitionedBatch> inputs, TaskContext context) {
        if (store == null) {
            throw new IllegalStateException("the state of an aggregation is used before it is opened");
        }
        droppedByWatermark.set(0);
        List<Routed> routed;
        if (folds != null && foldsBatchId == context.batchId()) {
            routed = folds.stream().map(partition -> folded(partition.fold)).toList();
        } else {
            // Each input partition is a task of its own, as in Spark, whose context its expressions see.
            List<Batch> input = inputs.get(0).partitions();
            routed = context.tasks().map(IntStream.range(0, input.size()).boxed().toList(),
                    index -> route(input.get(index), context.forPartition(index)));
        }
        folds = null;
        List<Integer> partitions = IntStream.range(0, store.partitionCount()).boxed().toList();
        List<Batch> output = context.tasks().map(partitions,
                p -> update(store.partition(p), p, routed, context));
        lastEvictionWatermarkMs = hasWatermark ? context.watermarks().forEvictionMs() : 0;
        return new PartitionedBatch(schema, output);
    }

    private Routed route(Batch partition, TaskContext context) {
        int rows = partition.rowCount();
        List<ColumnVector> keyColumns = keyColumns(partition, context);
        List<List<ColumnVector>> args = arguments(partition, context);
        if (partials != null) {
            PartialAggregation.Fold fold = partials.newFold();
            fold.add(rows, keyColumns, args, eventTimeKey);
            return folded(fold);
        }
        GroupingKey.TimeWindow window = null;
        int windowKey = -1;
        for (int k = 0; k < groupBy.size(); k++) {
            if (groupBy.get(k) instanceof GroupingKey.TimeWindow timeWindow) {
                window = timeWindow;
                windowKey = k;
            }
        }
        int capacity = window == null ? rows : Math.multiplyExact(rows, window.maxWindows());
        StateKey[] entryKeys = new StateKey[capacity];
        int[] rowOf = new int[capacity];
        Long[] eventTimes = new Long[capacity];
        StateKey[] groups = sessionKey < 0 ? null : new StateKey[capacity];
        long[] spans = sessionKey < 0 ? null : new long[2 * capacity];
        GroupingKey.SessionWindow session = sessionKey < 0 ? null : (GroupingKey.SessionWindow) groupBy.get(sessionKey);
        SessionGaps gaps = session == null ? null : new SessionGaps(session, partition, context.eval());
        int entries = 0;
        Object[] keyValues = new Object[groupBy.size()];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < keyValues.length; k++) {
                keyValues[k] = k == windowKey || k == sessionKey ? null : StoredValues.read(keyColumns.get(k), r);
            }
            if (sessionKey >= 0) {
                LongVector times = (LongVector) keyColumns.get(sessionKey);
                Long gap = gaps.micros(r);
                if (times.isNull(r) || gap == null) {
                    continue;
                }
                long start = times.getLong(r);
                long end = session.end(start, gaps.months(r), gap, context.eval().zone());
                if (end <= start) {
                    // Spark's SessionWindowing keeps only rows whose session ends after it starts.
                    continue;
                }
                keyValues[sessionKey] = Row.of(instant(start), instant(end));
                rowOf[entries] = r;
                eventTimes[entries] = eventTimeKey == sessionKey ? Long.valueOf(end)
                        : eventTimeKey < 0 ? null : (Long) keyValues[eventTimeKey];
                groups[entries] = sessions.groupOf(keyValues);
                spans[2 * entries] = start;
                spans[2 * entries + 1] = end;
                entryKeys[entries++] = new StateKey(keys.encode(keyValues, 0));
                continue;
            }
            if (window == null) {
                rowOf[entries] = r;
                eventTimes[entries] = eventTimeKey < 0 ? null : (Long) keyValues[eventTimeKey];
                entryKeys[entries++] = new StateKey(keys.encode(keyValues, 0));
                continue;
            }
            LongVector times = (LongVector) keyColumns.get(windowKey);
            if (times.isNull(r)) {
                continue;
            }
            long time = times.getLong(r);
            for (int i = 0; i < window.maxWindows(); i++) {
                long start = window.start(time, i);
                if (!window.holds(time, start)) {
                    continue;
                }
                long end = start + window.windowMicros();
                keyValues[windowKey] = Row.of(instant(start), instant(end));
                rowOf[entries] = r;
                eventTimes[entries] = eventTimeKey == windowKey ? Long.valueOf(end)
                        : eventTimeKey < 0 ? null : (Long) keyValues[eventTimeKey];
                entryKeys[entries++] = new StateKey(keys.encode(keyValues, 0));
            }
        }
        int partitions = store.partitionCount();
        int[] target = new int[entries];
        int[] counts = new int[partitions];
        for (int e = 0; e < entries; e++) {
            // All sessions of a group live in one partition, where they can merge.
            target[e] = (groups == null ? entryKeys[e] : groups[e]).partition(partitions);
            counts[target[e]]++;
        }
        int[][] byPartition = new int[partitions][];
        for (int p = 0; p < partitions; p++) {
            byPartition[p] = new int[counts[p]];
        }
        int[] filled = new int[partitions];
        for (int e = 0; e < entries; e++) {
            byPartition[target[e]][filled[target[e]]++] = e;
        }
        return new Routed(args, entryKeys, rowOf, eventTimes, byPartition, groups, spans, null);
    }

    private List<ColumnVector> keyColumns(Batch rows, TaskContext context) {
        List<ColumnVector> keyColumns = new ArrayList<>();
        for (GroupingKey key : groupBy) {
            keyColumns.add(expressionOf(key).evaluate(rows, context.eval()));
        }
        return keyColumns;
    }

    private List<List<ColumnVector>> arguments(Batch rows, TaskContext context) {
        List<List<ColumnVector>> args = new ArrayList<>();
        for (AggregateCall call : aggregations) {
            List<ColumnVector> vectors = new ArrayList<>();
            call.arguments().forEach(arg -> vectors.add(arg.evaluate(rows, context.eval())));
            args.add(vectors);
        }
        return args;
    }

    private Routed folded(PartialAggregation.Fold fold) {
        return new Routed(null, null, null, null, null, null, null, fold.byPartition(store.partitionCount()));
    }

    /**
     * Whether each input partition's rows can be folded in the task that reads them, a chunk at a time as they come
     * ({@link #newPartitionFold}), so they need not wait for the rest of the batch nor be joined into one: so with
     * partial aggregation, as Spark's partial aggregate runs in the map task.
     */
    public boolean foldsInTasks() {
        return partials != null;
    }

    /**
     * A fold of one input partition's rows in the task that reads them; {@code context} is the batch's (keys and
     * arguments are evaluated as {@link #execute} evaluates them).
     */
    public PartitionFold newPartitionFold(TaskContext context) {
        if (store == null || partials == null) {
            throw new IllegalStateException("this aggregation folds no partitions in their tasks");
        }
        return new PartitionFold(partials.newFold(), context);
    }

    /**
     * Has the {@link #execute} of batch {@code batchId} take these folds (of the batch's input partitions, in
     * partition order) in place of its input's rows, which then holds none.
     */
    public void useFolds(long batchId, List<PartitionFold> folds) {
        this.foldsBatchId = batchId;
        this.folds = List.copyOf(folds);
    }

    /** One input partition's rows folded in its task, chunk by chunk. Mutable, used by that task. */
    public final class PartitionFold {
        private final PartialAggregation.Fold fold;
        private final TaskContext context;

        private PartitionFold(PartialAggregation.Fold fold, TaskContext context) {
            this.fold = fold;
            this.context = context;
        }

        /** Folds the partition's next rows. */
        public void add(Batch rows) {
            if (rows.rowCount() > 0) {
                fold.add(rows.rowCount(), keyColumns(rows, context), arguments(rows, context), eventTimeKey);
            }
        }
    }

    static Instant instant(long micros) {
        return Instant.EPOCH.plusSeconds(Math.floorDiv(micros, 1_000_000L))
                .plusNanos(Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    private Batch update(PartitionState state, int partition, List<Routed> routed, TaskContext context) {
        state.begin(context.batchId());
        Map<StateKey, Object[]> touched = new HashMap<>();
        if (groupBy.isEmpty()) {
            // Spark's global aggregation gives its one row every batch, even when no row came.
            buffer(state, touched, new StateKey(keys.encode(new Object[0], 0)));
        }
        boolean watermarked = eventTimeKey >= 0 && outputMode != OutputMode.COMPLETE;
        // Spark's SessionWindowStateStoreRestoreExec drops late rows in every output mode, complete too.
        boolean dropsLate = watermarked || eventTimeKey >= 0 && sessionKey >= 0;
        long lateMicros = context.watermarks().forLateEventsMs() * 1000L;
        Set<StateKey> late = new HashSet<>();
        SessionMerge.Parts sessionRows = sessions == null ? null : sessions.parts();
        for (Routed input : routed) {
            if (input.partials() != null) {
                for (PartialAggregation.Partial partial : input.partials().get(partition)) {
                    Long eventTime = partial.eventTime();
                    if (dropsLate && eventTime != null && eventTime <= lateMicros) {
                        late.add(partial.key());
                        continue;
                    }
                    Object[] buffer = buffer(state, touched, partial.key());
                    for (int a = 0; a < aggregations.size(); a++) {
                        aggregations.get(a).function().mergePartial(buffer, offsets[a], partial.buffer(), offsets[a]);
                    }
                }
                continue;
            }
            for (int e : input.entries()[partition]) {
                Long eventTime = input.eventTimes()[e];
                if (dropsLate && eventTime != null && eventTime <= lateMicros) {
                    // Spark drops the group's partial aggregate, one row per key and partition.
                    late.add(input.keys()[e]);
                    continue;
                }
                if (sessionRows != null) {
                    sessionRows.addRow(input.groups()[e], input.keys()[e], input.spans()[2 * e],
                            input.spans()[2 * e + 1], input.args(), input.rowOf()[e]);
                    continue;
                }
                Object[] buffer = buffer(state, touched, input.keys()[e]);
                int r = input.rowOf()[e];
                for (int a = 0; a < aggregations.size(); a++) {
                    aggregations.get(a).function().update(buffer, offsets[a], input.args().get(a), r);
                }
            }
        }
        droppedByWatermark.addAndGet(late.size());
        if (sessionRows != null) {
            sessions.apply(state, sessionRows);
        }
        touched.forEach((key, buffer) -> {
            for (int a = 0; a < aggregations.size(); a++) {
                aggregations.get(a).function().endBatch(buffer, offsets[a]);
            }
            state.put(key, buffer);
        });
        List<StateKey> evicted = watermarked ? behind(state, context.watermarks().forEvictionMs() * 1000L) : List.of();
        List<StateKey> emitted = switch (outputMode) {
            case COMPLETE -> currentKeys(state);
            case UPDATE -> state.changedKeys().stream().filter(key -> state.get(key) != null).toList();
            case APPEND -> evicted;
        };
        Batch output = rows(state, emitted);
        evicted.forEach(state::remove);
        state.commit();
        return output;
    }

    /** The keys in state whose event time is at or behind {@code watermarkMicros}, in key order. */
    private List<StateKey> behind(PartitionState state, long watermarkMicros) {
        List<StateKey> found = new ArrayList<>();
        Object[] keyValues = new Object[groupBy.size()];
        for (StateKey key : currentKeys(state)) {
            keys.decodeKey(key, keyValues);
            Object value = keyValues[eventTimeKey];
            if (value == null) {
                continue;
            }
            long eventTime = value instanceof Row window ? micros((Instant) window.get(1)) : (Long) value;
            if (eventTime <= watermarkMicros) {
                found.add(key);
            }
        }
        return found;
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }

    /** Every key this batch sees (the loaded version and its changes), in key order. */
    private static List<StateKey> currentKeys(PartitionState state) {
        TreeSet<StateKey> all = new TreeSet<>(state.keys());
        all.addAll(state.changedKeys());
        all.removeIf(key -> state.get(key) == null);
        return new ArrayList<>(all);
    }

    /** The buffer of {@code key} for this batch: a copy of the committed one, so a failed batch leaves it alone. */
    private Object[] buffer(PartitionState state, Map<StateKey, Object[]> touched, StateKey key) {
        Object[] buffer = touched.get(key);
        if (buffer == null) {
            Object[] committed = state.get(key);
            if (committed != null) {
                buffer = committed.clone();
            } else {
                buffer = new Object[width];
                for (int a = 0; a < aggregations.size(); a++) {
                    aggregations.get(a).function().initialize(buffer, offsets[a]);
                }
            }
            touched.put(key, buffer);
        }
        return buffer;
    }

    /** The groups of state after batch {@code batchId} with their aggregates as they would be output. */
    @Override
    public StateRows stateRows(long batchId, int maxRows) {
        if (store == null) {
            throw new IllegalStateException("the state of an aggregation is read before it is opened");
        }
        StateCopy copy = store.copyOf(batchId + 1, maxRows);
        return new StateRows(rows(new ArrayList<>(copy.rows().keySet()), copy.rows()::get), copy.totalRows());
    }

    private Batch rows(PartitionState state, List<StateKey> emitted) {
        return rows(emitted, state::get);
    }

    /** The output rows of the groups {@code emitted}, from their buffers. */
    private Batch rows(List<StateKey> emitted, Function<StateKey, Object[]> buffers) {
        List<VectorBuilder> builders = new ArrayList<>();
        for (Field field : schema.fields()) {
            builders.add(new VectorBuilder(field.type(), emitted.size()));
        }
        Object[] keyValues = new Object[groupBy.size()];
        for (StateKey key : emitted) {
            keys.decodeKey(key, keyValues);
            for (int k = 0; k < keyValues.length; k++) {
                StoredValues.append(builders.get(k), keyValues[k]);
            }
            Object[] buffer = buffers.apply(key);
            for (int a = 0; a < aggregations.size(); a++) {
                aggregations.get(a).function().result(buffer, offsets[a], builders.get(groupBy.size() + a));
            }
        }
        List<ColumnVector> columns = new ArrayList<>();
        builders.forEach(builder -> columns.add(builder.build()));
        return new Batch(schema, columns, emitted.size());
    }
}
