package sluice.engine.operator;

import java.util.List;
import java.util.stream.IntStream;
import sluice.engine.types.Batch;
import sluice.engine.types.PartitionedBatch;

/** A one-input operator that works on each partition alone, so partitions run in parallel. */
public abstract class PartitionOperator implements Operator {

    /** This operator applied to one partition; the runtime chains these inside one task per partition. */
    public abstract Batch apply(Batch partition, TaskContext context);

    @Override
    public final PartitionedBatch execute(List<PartitionedBatch> inputs, TaskContext context) {
        PartitionedBatch input = inputs.get(0);
        // Each partition is a task of its own, as in Spark: rand() and spark_partition_id() see its index.
        List<Integer> indexes = IntStream.range(0, input.partitions().size()).boxed().toList();
        return new PartitionedBatch(schema(), context.tasks().map(indexes,
                index -> apply(input.partitions().get(index), context.forPartition(index))));
    }
}
