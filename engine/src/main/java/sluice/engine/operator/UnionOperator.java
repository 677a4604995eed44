package sluice.engine.operator;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import sluice.engine.types.Batch;
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
                partitions.add(partition.withSchema(schema));
            }
        }
        return new PartitionedBatch(schema, partitions);
    }
}
