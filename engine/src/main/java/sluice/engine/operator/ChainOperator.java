package sluice.engine.operator;

import static java.util.Objects.requireNonNull;

import java.util.List;
import sluice.engine.expr.EvalContext;
import sluice.engine.types.Batch;
import sluice.engine.types.Schema;

/**
 * Per-partition operators applied one after the other as one node's work: the planner makes it where Spark's
 * analyzer rewrites a node over the ones above it (a filter on a column a select dropped runs over that select
 * widened, then drops the column again). Immutable.
 */
public final class ChainOperator extends PartitionOperator {
    private final List<PartitionOperator> operators;

    public ChainOperator(List<PartitionOperator> operators) {
        this.operators = List.copyOf(requireNonNull(operators, "operators is null"));
        if (this.operators.isEmpty()) {
            throw new IllegalArgumentException("an empty chain");
        }
    }

    @Override
    public Schema schema() {
        return operators.get(operators.size() - 1).schema();
    }

    @Override
    public void foldConstants(EvalContext context) {
        operators.forEach(operator -> operator.foldConstants(context));
    }

    @Override
    public Batch apply(Batch partition, TaskContext context) {
        Batch current = partition;
        for (PartitionOperator operator : operators) {
            current = operator.apply(current, context);
        }
        return current;
    }
}
