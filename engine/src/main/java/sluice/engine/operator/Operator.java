package sluice.engine.operator;

import java.util.List;
import sluice.engine.expr.EvalContext;
import sluice.engine.types.PartitionedBatch;
import sluice.engine.types.Schema;

/** A transform of one micro-batch: its inputs' partitions in, its own out. */
public interface Operator {

    Schema schema();

    PartitionedBatch execute(List<PartitionedBatch> inputs, TaskContext context);

    /**
     * Evaluates the constants of this operator's expressions that Spark folds while planning a micro-batch, before
     * the batch reads any row: one that fails fails the batch, even a batch without rows. None by default.
     */
    default void foldConstants(EvalContext context) {
    }

    /**
     * The columns of input {@code input} this operator reads when {@code requiredOutput} of its own columns are
     * read downstream (for column pruning); by default every input column.
     */
    default java.util.BitSet requiredInputColumns(int input, int inputWidth, java.util.BitSet requiredOutput) {
        java.util.BitSet all = new java.util.BitSet();
        all.set(0, inputWidth);
        return all;
    }
}
