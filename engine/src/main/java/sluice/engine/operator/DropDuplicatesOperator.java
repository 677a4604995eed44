package sluice.engine.operator;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import sluice.engine.aggregate.StoredValues;
import sluice.engine.state.PartitionState;
import sluice.engine.state.RowEncoding;
import sluice.engine.state.StateKey;
import sluice.engine.state.StateLocation;
import sluice.engine.state.StateMetrics;
import sluice.engine.state.StateRetention;
import sluice.engine.state.StateStore;
import sluice.engine.types.Batch;
import sluice.engine.types.DataType;
import sluice.engine.types.PartitionedBatch;
import sluice.engine.types.Schema;

/**
 * Spark's streaming {@code dropDuplicates(columns)} without a watermark: a row passes only if no earlier row, in this
 * batch or any before, had the same values in the key columns; the first one is kept. Each key is routed by its hash
 * to a state partition, as Spark's shuffle does, and kept there for ever (Spark's StreamingDeduplicateExec keeps
 * keys until a watermark evicts them). Mutable (its state), owned by one query; batches run one at a time.
 */
public final class DropDuplicatesOperator implements StatefulOperator {
    private static final Object[] NO_VALUE = new Object[0];

    private final Schema schema;
    private final int[] keyColumns;
    private final RowEncoding keys;
    private StateStore store;

    /** {@code keyColumns}: the indexes of the key columns in the input. */
    public DropDuplicatesOperator(Schema schema, int[] keyColumns) {
        this.schema = requireNonNull(schema, "schema is null");
        this.keyColumns = keyColumns.clone();
        List<DataType> types = new ArrayList<>();
        for (int column : this.keyColumns) {
            types.add(schema.field(column).type());
        }
        this.keys = RowEncoding.forKeys(types);
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
        return needed;
    }

    /** Spark's name for the state of streaming dropDuplicates, its StreamingDeduplicateExec's. */
    @Override
    public String stateOperatorName() {
        return "dedupe";
    }

    @Override
    public StateMetrics stateMetrics() {
        return store == null ? new StateMetrics(0, 0, 0, 0, 0) : store.metrics();
    }

    @Override
    public void openState(StateContext context) {
        this.store = StateStore.open(new StateLocation(context.checkpoint() == null ? null
                        : StateLocation.folder(context.checkpoint(), context.operatorId()), context.operatorId(),
                context.shufflePartitions(), context.nodeId()), keys, RowEncoding.forValues(List.of()),
                StateRetention.SPARK_DEFAULTS);
    }

    /** One input partition's rows with their keys and the state partition of each. */
    private record Keyed(Batch rows, StateKey[] keys, int[] partitions) {}

    @Override
    public PartitionedBatch execute(List<PartitionedBatch> inputs, TaskContext context) {
        if (store == null) {
            throw new IllegalStateException("the state of dropDuplicates is used before it is opened");
        }
        List<Keyed> keyed = context.tasks().map(inputs.get(0).partitions(), this::keyed);
        List<Integer> partitions = IntStream.range(0, store.partitionCount()).boxed().toList();
        List<Batch> output = context.tasks().map(partitions,
                p -> firstOccurrences(store.partition(p), p, keyed, context.batchId()));
        return new PartitionedBatch(schema, output);
    }

    private Keyed keyed(Batch partition) {
        int rows = partition.rowCount();
        StateKey[] rowKeys = new StateKey[rows];
        int[] target = new int[rows];
        Object[] values = new Object[keyColumns.length];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < keyColumns.length; k++) {
                values[k] = StoredValues.read(partition.column(keyColumns[k]), r);
            }
            rowKeys[r] = new StateKey(keys.encode(values, 0));
            target[r] = rowKeys[r].partition(store.partitionCount());
        }
        return new Keyed(partition, rowKeys, target);
    }

    private Batch firstOccurrences(PartitionState state, int partition, List<Keyed> keyed, long batchId) {
        state.begin(batchId);
        Set<StateKey> seen = new HashSet<>();
        List<Batch> kept = new ArrayList<>();
        for (Keyed input : keyed) {
            int[] rows = new int[input.keys().length];
            int count = 0;
            for (int r = 0; r < rows.length; r++) {
                StateKey key = input.keys()[r];
                if (input.partitions()[r] == partition && state.get(key) == null && seen.add(key)) {
                    state.put(key, NO_VALUE);
                    rows[count++] = r;
                }
            }
            kept.add(input.rows().select(rows, count));
        }
        state.commit();
        return Batch.concat(schema, kept);
    }
}
