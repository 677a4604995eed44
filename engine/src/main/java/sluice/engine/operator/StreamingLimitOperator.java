package sluice.engine.operator;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
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
import sluice.engine.types.Field;
import sluice.engine.types.PartitionedBatch;
import sluice.engine.types.Schema;

/**
 * Spark's {@code limit(n)} of a stream in append mode (its StreamingGlobalLimitExec): the first {@code n} rows of the
 * whole stream, batch after batch, and none once {@code n} have passed. The rows passed so far are one count in a
 * state of one partition, so a restarted query goes on from it. Mutable (its state), owned by one query.
 */
public final class StreamingLimitOperator implements StatefulOperator {
    private static final StateKey KEY = new StateKey(new byte[0]);

    private final Schema schema;
    private final long limit;
    private StateStore store;

    StreamingLimitOperator(Schema schema, long limit) {
        this.schema = requireNonNull(schema, "schema is null");
        this.limit = limit;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public BitSet requiredInputColumns(int input, int inputWidth, BitSet requiredOutput) {
        return (BitSet) requiredOutput.clone();
    }

    /** Spark's name for the state of a streaming limit, its StreamingGlobalLimitExec's. */
    @Override
    public String stateOperatorName() {
        return "globalLimit";
    }

    @Override
    public StateMetrics stateMetrics() {
        return store == null ? new StateMetrics(0, 0, 0, 0, 0) : store.metrics();
    }

    @Override
    public void openState(StateContext context) {
        this.store = StateStore.open(new StateLocation(context.checkpoint() == null ? null
                        : StateLocation.folder(context.checkpoint(), context.operatorId()), context.operatorId(), 1,
                context.nodeId()), RowEncoding.forKeys(List.of()), RowEncoding.forValues(List.of(AtomicType.BIGINT)),
                StateRetention.SPARK_DEFAULTS);
    }

    /** The rows passed so far after batch {@code batchId}, as one row ({@code rowsPassed}); none before any passed. */
    @Override
    public StateRows stateRows(long batchId, int maxRows) {
        if (store == null) {
            throw new IllegalStateException("the state of a limit is read before it is opened");
        }
        StateCopy copy = store.copyOf(batchId + 1, maxRows);
        return StateRows.of(Schema.of(new Field("rowsPassed", AtomicType.BIGINT, false)),
                new ArrayList<>(copy.rows().values()), copy.totalRows());
    }

    @Override
    public PartitionedBatch execute(List<PartitionedBatch> inputs, TaskContext context) {
        if (store == null) {
            throw new IllegalStateException("the state of a limit is used before it is opened");
        }
        PartitionState state = store.partition(0);
        state.begin(context.batchId());
        Object[] kept = state.get(KEY);
        long passed = kept == null ? 0 : (Long) kept[0];
        Batch out = LimitOperator.first(schema, inputs.get(0).partitions(), Math.max(0, limit - passed));
        if (out.rowCount() > 0) {
            state.put(KEY, new Object[] {passed + out.rowCount()});
        }
        state.commit();
        return new PartitionedBatch(schema, List.of(out));
    }
}
