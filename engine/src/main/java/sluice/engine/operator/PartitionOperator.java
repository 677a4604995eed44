package sluice.engine.operator;

import java.util.List;
import sluice.engine.types.Batch;
import sluice.engine.types.PartitionedBatch;

/** A one-input operator that works on each partition alone, so partitions run in parallel. */
public abstract class PartitionOperator implements Operator {

    /** This operator applied to one partition; the runtime chains these inside one task per partition. */
    public abstract Batch apply(Batch partition, TaskContext context);

    @Override
    public final PartitionedBatch execute(List<PartitionedBatch> inputs, TaskContext context) {
        PartitionedBatch input = inputs.get(0);
        return new PartitionedBatch(schema(), context.tasks().map(input.partitions(), p -> apply(p, context)));
    }
}
