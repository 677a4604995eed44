package sluice.engine.operator;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.LongVector;
import sluice.engine.types.PartitionedBatch;
import sluice.engine.types.Schema;

/**
 * Spark's {@code union}: the partitions of every input, first input first, matched by column position under the
 * first input's names. The planner checks the inputs have compatible types and widens them (see its factory).
 */
public final class UnionOperator implements Operator {
    private final Schema schema;

    public UnionOperator(Schema schema) {
        this.schema = requireNonNull(schema, "schema is null");
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
        for (PartitionedBatch input : inputs) {
            for (Batch partition : input.partitions()) {
                partitions.add(widened(partition));
            }
        }
        return new PartitionedBatch(schema, partitions);
    }

    /** The partition under the union's schema; an interval column of narrower fields takes the wider type. */
    private Batch widened(Batch partition) {
        List<ColumnVector> columns = null;
        for (int c = 0; c < schema.size(); c++) {
            ColumnVector column = partition.column(c);
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
