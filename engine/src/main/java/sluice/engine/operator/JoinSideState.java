package sluice.engine.operator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import sluice.engine.aggregate.StoredValues;
import sluice.engine.state.PartitionState;
import sluice.engine.state.RowEncoding;
import sluice.engine.state.StateCopy;
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
import sluice.engine.types.Schema;
import sluice.engine.types.VectorBuilder;

/**
 * Mutable, owned by the query thread: the rows one side of a stream-stream join keeps, in a state store of its own
 * ({@code state/<operator>/left} or {@code right}, one partition). A row is kept under the batch id that brought it
 * and its place in that batch, with its values and, as Spark's state format 2 keeps it, whether a row of the other
 * side ever matched it (an outer join gives the rows never matched with nulls when they leave the state; a left semi
 * join gives a left row only once).
 */
final class JoinSideState {
    private static final RowEncoding ROW_KEYS = RowEncoding.forKeys(List.of(AtomicType.BIGINT, AtomicType.BIGINT));

    private final String name;
    private final Schema schema;
    private final RowEncoding values;
    private StateStore store;
    private PartitionState state;
    /** The rows kept as of the loaded version plus those added in this batch, their keys and matched flags. */
    private Batch rows;
    private List<StateKey> keys = new ArrayList<>();
    private BitSet matched = new BitSet();
    /** The state version {@link #rows} holds; -1 before it is read. */
    private long version = -1;
    private long batchId;
    private long added;
    /**
     * The rows the last committed batch added: Spark's numRowsUpdated of a join, which a matched flag does not move.
     */
    private long lastAdded;

    JoinSideState(String name, Schema schema) {
        this.name = name;
        this.schema = schema;
        List<DataType> types = new ArrayList<>(schema.fields().stream().map(Field::type).toList());
        types.add(AtomicType.BOOLEAN);
        this.values = RowEncoding.forValues(types);
        this.rows = Batch.empty(schema);
    }

    void open(Path folder, StateContext context) {
        store = StateStore.open(new StateLocation(folder == null ? null : folder.resolve(name),
                context.operatorId(), 1, context.nodeId()), ROW_KEYS, values, StateRetention.SPARK_DEFAULTS);
    }

    boolean isOpen() {
        return store != null;
    }

    StateMetrics metrics() {
        if (store == null) {
            return new StateMetrics(0, 0, 0, 0, 0);
        }
        StateMetrics stored = store.metrics();
        return new StateMetrics(stored.numRowsTotal(), lastAdded, stored.numRowsRemoved(), stored.memoryUsedBytes(),
                stored.partitions());
    }

    Schema schema() {
        return schema;
    }

    String name() {
        return name;
    }

    /** A copy of the rows kept after version {@code version}, for the workbench's State view. */
    StateCopy copyOf(long version, int maxRows) {
        return store.copyOf(version, maxRows);
    }

    /** Starts batch {@code id}: {@link #rows()} are the rows kept before it. */
    void begin(long id) {
        state = store.partition(0);
        state.begin(id);
        if (version != id) {
            decode();
        }
        // Rows change while the batch runs: until it commits, the rows in memory are no version of the state, and a
        // batch that fails is re-run from the state's own.
        version = -1;
        batchId = id;
        added = 0;
    }

    Batch rows() {
        return rows;
    }

    boolean isMatched(int row) {
        return matched.get(row);
    }

    /** Marks kept row {@code row} as matched by a row of the other side, in the state as well. */
    void markMatched(int row) {
        if (!matched.get(row)) {
            matched.set(row);
            state.put(keys.get(row), valuesOf(rows, row, true));
        }
    }

    /** Keeps the rows of {@code from} at {@code indexes}, with their matched flags. */
    void add(Batch from, int[] indexes, boolean[] matchedFlags, int count) {
        int first = rows.rowCount();
        for (int i = 0; i < count; i++) {
            StateKey key = new StateKey(ROW_KEYS.encode(new Object[] {batchId, added++}, 0));
            state.put(key, valuesOf(from, indexes[i], matchedFlags[i]));
            keys.add(key);
            matched.set(first + i, matchedFlags[i]);
        }
        rows = Batch.concat(schema, List.of(rows, from.select(indexes, count)));
    }

    /**
     * Removes the kept rows set in {@code evicted} from the state; returns those of them never matched (the rows an
     * outer join gives with nulls).
     */
    Batch evict(BitSet evicted) {
        if (evicted.isEmpty()) {
            return Batch.empty(schema);
        }
        int[] kept = new int[rows.rowCount()];
        int[] unmatched = new int[rows.rowCount()];
        int keptCount = 0;
        int unmatchedCount = 0;
        List<StateKey> keptKeys = new ArrayList<>();
        BitSet keptMatched = new BitSet();
        for (int r = 0; r < rows.rowCount(); r++) {
            if (evicted.get(r)) {
                state.remove(keys.get(r));
                if (!matched.get(r)) {
                    unmatched[unmatchedCount++] = r;
                }
            } else {
                keptMatched.set(keptCount, matched.get(r));
                kept[keptCount++] = r;
                keptKeys.add(keys.get(r));
            }
        }
        Batch neverMatched = rows.select(unmatched, unmatchedCount);
        rows = rows.select(kept, keptCount);
        keys = keptKeys;
        matched = keptMatched;
        return neverMatched;
    }

    /** Writes this batch's changes: the state after it is version {@code batchId + 1}. */
    void commit() {
        state.commit();
        version = batchId + 1;
        lastAdded = added;
    }

    private Object[] valuesOf(Batch from, int row, boolean isMatched) {
        Object[] value = new Object[schema.size() + 1];
        for (int c = 0; c < schema.size(); c++) {
            value[c] = StoredValues.read(from.column(c), row);
        }
        value[schema.size()] = isMatched;
        return value;
    }

    private void decode() {
        List<StateKey> stored = state.keys();
        List<VectorBuilder> builders = new ArrayList<>();
        for (Field field : schema.fields()) {
            builders.add(new VectorBuilder(field.type(), stored.size()));
        }
        matched = new BitSet();
        for (int r = 0; r < stored.size(); r++) {
            Object[] row = state.get(stored.get(r));
            for (int c = 0; c < schema.size(); c++) {
                StoredValues.append(builders.get(c), row[c]);
            }
            matched.set(r, Boolean.TRUE.equals(row[schema.size()]));
        }
        List<ColumnVector> columns = new ArrayList<>();
        builders.forEach(builder -> columns.add(builder.build()));
        rows = new Batch(schema, columns, stored.size());
        keys = new ArrayList<>(stored);
    }
}
