package sluice.engine.operator;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import sluice.engine.expr.CompiledExpression;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.LongVector;
import sluice.engine.types.PartitionedBatch;
import sluice.engine.types.Schema;

/**
 * Spark's {@code union}: the partitions of every input, first input first, matched by column position under the
 * first input's names. The planner checks the inputs have compatible types and finds the wider type of each column;
 * an input column of a narrower type is cast to it here, as Spark's analyzer casts it below the union. Immutable.
 */
public final class UnionOperator implements Operator {
    private final Schema schema;
    private final List<Widening> widenings;

    /** The cast of column {@code column} of input {@code input} to the union's type. */
    public record Widening(int input, int column, CompiledExpression cast) {
        public Widening {
            requireNonNull(cast, "cast is null");
        }
    }

    public UnionOperator(Schema schema, List<Widening> widenings) {
        this.schema = requireNonNull(schema, "schema is null");
        this.widenings = List.copyOf(widenings);
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public java.util.BitSet requiredInputColumns(int input, int inputWidth, java.util.BitSet requiredOutput) {
        return (java.util.BitSet) requiredOutput.clone();
    }

    @Override
    public PartitionedBatch execute(List<PartitionedBatch> inputs, TaskContext context) {
        List<Batch> partitions = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            for (Batch partition : inputs.get(i).partitions()) {
                partitions.add(widened(i, partition, context));
            }
        }
        return new PartitionedBatch(schema, partitions);
    }

    /**
     * The partition of input {@code input} under the union's schema: a column of a narrower type cast to the wider
     * one, an interval column of narrower fields relabelled (its stored values are the same).
     */
    private Batch widened(int input, Batch partition, TaskContext context) {
        List<ColumnVector> columns = null;
        for (Widening widening : widenings) {
            if (widening.input() == input) {
                if (columns == null) {
                    columns = new ArrayList<>(partition.columns());
                }
                columns.set(widening.column(), widening.cast().evaluate(partition, context.eval()));
            }
        }
        for (int c = 0; c < schema.size(); c++) {
            ColumnVector column = columns == null ? partition.column(c) : columns.get(c);
            DataType type = schema.field(c).type();
            if (!column.type().equals(type) && type.isInterval() && column instanceof LongVector longs) {
                if (columns == null) {
                    columns = new ArrayList<>();
                    for (int k = 0; k < schema.size(); k++) {
                        columns.add(partition.column(k));
                    }
                }
                columns.set(c, new LongVector(type, longs.values(), partition.rowCount(), longs.nullWords()));
            }
        }
        return columns == null ? partition.withSchema(schema) : partition.withColumns(schema, columns);
    }
}
