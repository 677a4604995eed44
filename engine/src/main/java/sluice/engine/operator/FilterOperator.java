package sluice.engine.operator;

import static java.util.Objects.requireNonNull;

import java.util.List;
import sluice.engine.expr.ColumnPredicate;
import sluice.engine.expr.CompiledExpression;
import sluice.engine.expr.EvalContext;
import sluice.engine.types.Batch;
import sluice.engine.types.BooleanVector;
import sluice.engine.types.Schema;

/** Spark's {@code Filter}: keeps the rows where the condition is true; false and null both drop the row. */
public final class FilterOperator extends PartitionOperator {
    private final Schema schema;
    private final CompiledExpression condition;
    /** The parts of the condition a source right before this filter may skip data by. */
    private final List<ColumnPredicate> pushable;

    public FilterOperator(Schema schema, CompiledExpression condition) {
        this(schema, condition, List.of());
    }

    public FilterOperator(Schema schema, CompiledExpression condition, List<ColumnPredicate> pushable) {
        this.schema = requireNonNull(schema, "schema is null");
        this.condition = requireNonNull(condition, "condition is null");
        this.pushable = List.copyOf(pushable);
    }

    /** Conditions on input columns that the input's source may use to skip data no row of which passes. */
    public List<ColumnPredicate> pushable() {
        return pushable;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public java.util.BitSet requiredInputColumns(int input, int inputWidth, java.util.BitSet requiredOutput) {
        java.util.BitSet needed = (java.util.BitSet) requiredOutput.clone();
        needed.or(condition.referencedColumns());
        return needed;
    }

    @Override
    public void foldConstants(EvalContext context) {
        condition.foldConstants(context);
    }

    @Override
    public long countRows(Batch partition, TaskContext context) {
        BooleanVector keep = (BooleanVector) condition.evaluate(partition, context.eval());
        boolean[] values = keep.values();
        int size = partition.rowCount();
        int count = 0;
        if (!keep.hasNulls()) {
            for (int i = 0; i < size; i++) {
                count += values[i] ? 1 : 0;
            }
        } else {
            for (int i = 0; i < size; i++) {
                count += values[i] && !keep.isNull(i) ? 1 : 0;
            }
        }
        return count;
    }

    @Override
    public Batch apply(Batch partition, TaskContext context) {
        BooleanVector keep = (BooleanVector) condition.evaluate(partition, context.eval());
        boolean[] values = keep.values();
        int size = partition.rowCount();
        int[] rows = new int[size];
        int count = 0;
        // Without a branch on the value: about half the rows pass a typical condition, in no order a CPU can predict,
        // and a mispredicted branch per row cost more than the rest of this loop.
        if (!keep.hasNulls()) {
            for (int i = 0; i < size; i++) {
                rows[count] = i;
                count += values[i] ? 1 : 0;
            }
        } else {
            for (int i = 0; i < size; i++) {
                rows[count] = i;
                count += values[i] && !keep.isNull(i) ? 1 : 0;
            }
        }
        return count == partition.rowCount() ? partition : partition.select(rows, count);
    }
}
