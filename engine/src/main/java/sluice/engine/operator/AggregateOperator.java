package sluice.engine.operator;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import sluice.engine.aggregate.AggregateCall;
import sluice.engine.aggregate.StoredValues;
import sluice.engine.expr.CompiledExpression;
import sluice.engine.sink.OutputMode;
import sluice.engine.state.PartitionState;
import sluice.engine.state.RowEncoding;
import sluice.engine.state.StateKey;
import sluice.engine.state.StateLocation;
import sluice.engine.state.StateRetention;
import sluice.engine.state.StateStore;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.Field;
import sluice.engine.types.PartitionedBatch;
import sluice.engine.types.Schema;
import sluice.engine.types.VectorBuilder;

/**
 * Spark's streaming aggregation ({@code groupBy().agg()}): each batch's rows are routed by the hash of their grouping
 * key to a state partition, as Spark's shuffle does; each partition loads its state at the batch's version, folds its
 * rows into the groups' buffers and commits the next version, then emits every group (complete mode) or the groups
 * this batch changed (update mode), in key order. Without grouping columns there is one group, in partition 0 of one,
 * as Spark keeps a global aggregation's state. Mutable (its state), owned by one query; batches run one at a time.
 */
public final class AggregateOperator implements StatefulOperator {
    private final Schema schema;
    private final List<CompiledExpression> groupBy;
    private final List<AggregateCall> aggregations;
    private final RowEncoding keys;
    private final RowEncoding values;
    private final int[] offsets;
    private final int width;
    private StateStore store;
    private OutputMode outputMode;

    public AggregateOperator(List<CompiledExpression> groupBy, List<AggregateCall> aggregations) {
        this.groupBy = List.copyOf(groupBy);
        this.aggregations = List.copyOf(aggregations);
        List<Field> fields = new ArrayList<>();
        List<DataType> keyTypes = new ArrayList<>();
        for (CompiledExpression key : this.groupBy) {
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
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public BitSet requiredInputColumns(int input, int inputWidth, BitSet requiredOutput) {
        BitSet needed = new BitSet();
        groupBy.forEach(key -> needed.or(key.referencedColumns()));
        aggregations.forEach(call -> call.arguments().forEach(arg -> needed.or(arg.referencedColumns())));
        return needed;
    }

    @Override
    public void openState(StateContext context) {
        int partitions = groupBy.isEmpty() ? 1 : context.shufflePartitions();
        this.store = StateStore.open(new StateLocation(context.checkpoint() == null ? null
                        : StateLocation.folder(context.checkpoint(), context.operatorId()), context.operatorId(),
                partitions, context.nodeId()), keys, values, StateRetention.SPARK_DEFAULTS);
        this.outputMode = context.outputMode();
    }

    /** One input partition's rows, evaluated and routed: the arguments, each row's key, the rows per partition. */
    private record Routed(List<List<ColumnVector>> args, StateKey[] keys, int[][] rows, int[] counts) {}

    @Override
    public PartitionedBatch execute(List<PartitionedBatch> inputs, TaskContext context) {
        if (store == null) {
            throw new IllegalStateException("the state of an aggregation is used before it is opened");
        }
        List<Routed> routed = context.tasks().map(inputs.get(0).partitions(), partition -> route(partition, context));
        List<Integer> partitions = IntStream.range(0, store.partitionCount()).boxed().toList();
        List<Batch> output = context.tasks().map(partitions,
                p -> update(store.partition(p), p, routed, context.batchId()));
        return new PartitionedBatch(schema, output);
    }

    private Routed route(Batch partition, TaskContext context) {
        int rows = partition.rowCount();
        List<ColumnVector> keyColumns = new ArrayList<>();
        for (CompiledExpression key : groupBy) {
            keyColumns.add(key.evaluate(partition, context.eval()));
        }
        List<List<ColumnVector>> args = new ArrayList<>();
        for (AggregateCall call : aggregations) {
            List<ColumnVector> vectors = new ArrayList<>();
            call.arguments().forEach(arg -> vectors.add(arg.evaluate(partition, context.eval())));
            args.add(vectors);
        }
        int partitions = store.partitionCount();
        StateKey[] rowKeys = new StateKey[rows];
        int[] target = new int[rows];
        int[] counts = new int[partitions];
        Object[] keyValues = new Object[groupBy.size()];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < keyValues.length; k++) {
                keyValues[k] = StoredValues.read(keyColumns.get(k), r);
            }
            rowKeys[r] = new StateKey(keys.encode(keyValues, 0));
            target[r] = rowKeys[r].partition(partitions);
            counts[target[r]]++;
        }
        int[][] byPartition = new int[partitions][];
        for (int p = 0; p < partitions; p++) {
            byPartition[p] = new int[counts[p]];
        }
        int[] filled = new int[partitions];
        for (int r = 0; r < rows; r++) {
            byPartition[target[r]][filled[target[r]]++] = r;
        }
        return new Routed(args, rowKeys, byPartition, counts);
    }

    private Batch update(PartitionState state, int partition, List<Routed> routed, long batchId) {
        state.begin(batchId);
        Map<StateKey, Object[]> touched = new HashMap<>();
        if (groupBy.isEmpty()) {
            // Spark's global aggregation gives its one row every batch, even when no row came.
            buffer(state, touched, new StateKey(keys.encode(new Object[0], 0)));
        }
        for (Routed input : routed) {
            for (int r : input.rows()[partition]) {
                Object[] buffer = buffer(state, touched, input.keys()[r]);
                for (int a = 0; a < aggregations.size(); a++) {
                    aggregations.get(a).function().update(buffer, offsets[a], input.args().get(a), r);
                }
            }
        }
        touched.forEach((key, buffer) -> {
            for (int a = 0; a < aggregations.size(); a++) {
                aggregations.get(a).function().endBatch(buffer, offsets[a]);
            }
            state.put(key, buffer);
        });
        List<StateKey> emitted = outputMode == OutputMode.COMPLETE ? null : state.changedKeys();
        state.commit();
        return rows(state, emitted == null ? state.keys() : emitted);
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

    private Batch rows(PartitionState state, List<StateKey> emitted) {
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
            Object[] buffer = state.get(key);
            for (int a = 0; a < aggregations.size(); a++) {
                aggregations.get(a).function().result(buffer, offsets[a], builders.get(groupBy.size() + a));
            }
        }
        List<ColumnVector> columns = new ArrayList<>();
        builders.forEach(builder -> columns.add(builder.build()));
        return new Batch(schema, columns, emitted.size());
    }
}
