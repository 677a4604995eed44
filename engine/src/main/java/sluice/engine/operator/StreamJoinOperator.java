package sluice.engine.operator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import sluice.engine.aggregate.StoredValues;
import sluice.engine.state.PartitionState;
import sluice.engine.state.StateCopy;
import sluice.engine.state.RowEncoding;
import sluice.engine.state.StateKey;
import sluice.engine.state.StateLocation;
import sluice.engine.state.StateRetention;
import sluice.engine.state.StateMetrics;
import sluice.engine.state.StateStore;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.Field;
import sluice.engine.types.PartitionedBatch;
import sluice.engine.types.Schema;
import sluice.engine.types.VectorBuilder;

/**
 * Spark's stream-stream inner join without a watermark: every row of both sides is kept in state, and each batch
 * gives the new left rows joined with all right rows so far (the batch's included) and the earlier left rows joined
 * with the new right rows, so every matching pair comes out once, in the batch where its later row arrives. Each side
 * keeps its rows in a state store of its own ({@code state/<operator>/left} and {@code right}, one partition, each row
 * under its batch id and place), so a restart finds them. Mutable (its state), owned by one query; batches run one at
 * a time.
 */
public final class StreamJoinOperator implements StatefulOperator {
    private static final RowEncoding ROW_KEYS = RowEncoding.forKeys(List.of(AtomicType.BIGINT, AtomicType.BIGINT));

    private final HashJoin join;
    private final Schema schema;
    private final Side left;
    private final Side right;

    public StreamJoinOperator(JoinCondition condition, Schema left, Schema right, List<JoinColumn> columns,
                              Schema schema) {
        this.join = new HashJoin(JoinType.INNER, condition, left, right, columns, schema);
        this.schema = schema;
        this.left = new Side("left", left);
        this.right = new Side("right", right);
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public void openState(StateContext context) {
        Path folder = context.checkpoint() == null ? null
                : StateLocation.folder(context.checkpoint(), context.operatorId());
        left.open(folder, context);
        right.open(folder, context);
    }

    @Override
    public String stateOperatorName() {
        return "symmetricHashJoin";
    }

    @Override
    public StateMetrics stateMetrics() {
        StateMetrics none = new StateMetrics(0, 0, 0, 0, 0);
        return (left.store == null ? none : left.store.metrics()).plus(right.store == null ? none
                : right.store.metrics());
    }

    /** The rows of both sides kept so far, for the workbench and tests: left first. */
    public long stateRows() {
        return (long) left.rows.rowCount() + right.rows.rowCount();
    }

    /**
     * The rows both sides keep after batch {@code batchId}, left first, each in the order it arrived: {@code side}
     * ('left' or 'right'), then the left input's columns, then the right input's (null on the other side's rows).
     */
    @Override
    public StateRows stateRows(long batchId, int maxRows) {
        if (left.store == null) {
            throw new IllegalStateException("the state of a stream-stream join is read before it is opened");
        }
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("side", AtomicType.STRING, false));
        left.schema.fields().forEach(field -> fields.add(new Field(field.name(), field.type(), true)));
        right.schema.fields().forEach(field -> fields.add(new Field(field.name(), field.type(), true)));
        List<Object[]> rows = new ArrayList<>();
        long total = 0;
        int from = 1;
        for (Side side : List.of(left, right)) {
            StateCopy copy = side.store.copyOf(batchId + 1, Math.max(0, maxRows - rows.size()));
            total += copy.totalRows();
            for (Object[] value : copy.rows().values()) {
                Object[] row = new Object[fields.size()];
                row[0] = side.name;
                // A side's state value starts with its row's columns (it may keep more after them).
                System.arraycopy(value, 0, row, from, side.schema.size());
                rows.add(row);
            }
            from += side.schema.size();
        }
        return StateRows.of(new Schema(fields), rows, total);
    }

    @Override
    public PartitionedBatch execute(List<PartitionedBatch> inputs, TaskContext context) {
        if (left.store == null) {
            throw new IllegalStateException("the state of a stream-stream join is used before it is opened");
        }
        Batch newLeft = inputs.get(0).toBatch();
        Batch newRight = inputs.get(1).toBatch();
        Batch oldLeft = left.begin(context.batchId());
        Batch oldRight = right.begin(context.batchId());
        Batch allRight = Batch.concat(right.schema, List.of(oldRight, newRight));
        List<Batch> output = new ArrayList<>();
        output.add(join.probe(newLeft, join.build(allRight, context.eval()), context.eval(), new BitSet()));
        output.add(join.probe(oldLeft, join.build(newRight, context.eval()), context.eval(), new BitSet()));
        left.commit(context.batchId(), newLeft);
        right.commit(context.batchId(), newRight);
        return new PartitionedBatch(schema, output);
    }

    /** Mutable, owned by the query thread: one side's state store and its rows as of the loaded version. */
    private static final class Side {
        private final String name;
        private final Schema schema;
        private final RowEncoding values;
        private StateStore store;
        private Batch rows;
        /** The state version {@link #rows} holds; -1 before it is read. */
        private long version = -1;

        Side(String name, Schema schema) {
            this.name = name;
            this.schema = schema;
            this.values = RowEncoding.forValues(schema.fields().stream().map(Field::type).toList());
            this.rows = Batch.empty(schema);
        }

        void open(Path folder, StateContext context) {
            store = StateStore.open(new StateLocation(folder == null ? null : folder.resolve(name),
                    context.operatorId(), 1, context.nodeId()), ROW_KEYS, values, StateRetention.SPARK_DEFAULTS);
        }

        /** Starts batch {@code batchId}: the rows kept before it. */
        Batch begin(long batchId) {
            PartitionState state = store.partition(0);
            state.begin(batchId);
            if (version != batchId) {
                rows = decode(state);
                version = batchId;
            }
            return rows;
        }

        void commit(long batchId, Batch added) {
            PartitionState state = store.partition(0);
            for (int r = 0; r < added.rowCount(); r++) {
                Object[] row = new Object[schema.size()];
                for (int c = 0; c < row.length; c++) {
                    row[c] = StoredValues.read(added.column(c), r);
                }
                state.put(new StateKey(ROW_KEYS.encode(new Object[] {batchId, (long) r}, 0)), row);
            }
            state.commit();
            rows = Batch.concat(schema, List.of(rows, added));
            version = batchId + 1;
        }

        private Batch decode(PartitionState state) {
            List<StateKey> keys = state.keys();
            List<VectorBuilder> builders = new ArrayList<>();
            for (Field field : schema.fields()) {
                builders.add(new VectorBuilder(field.type(), keys.size()));
            }
            for (StateKey key : keys) {
                Object[] row = state.get(key);
                for (int c = 0; c < row.length; c++) {
                    StoredValues.append(builders.get(c), row[c]);
                }
            }
            List<ColumnVector> columns = new ArrayList<>();
            builders.forEach(builder -> columns.add(builder.build()));
            return new Batch(schema, columns, keys.size());
        }
    }
}
