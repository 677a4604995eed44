package sluice.engine.operator;

import java.util.List;
import java.util.stream.IntStream;
import sluice.engine.types.Batch;
import sluice.engine.types.PartitionedBatch;

/** A one-input operator that works on each partition alone, so partitions run in parallel. */
public abstract class PartitionOperator implements Operator {

    /**
     * This operator applied to one partition; the runtime chains these inside one task per partition. It keeps
     * neither {@code partition} nor its result once it returns (only figures such as a watermark's event times): the
     * runtime relies on it to let a reader write its next rows into the arrays of a batch nothing keeps.
     */
    public abstract Batch apply(Batch partition, TaskContext context);

    /**
     * How many rows {@link #apply} would return, for output nothing reads (a sink that drops its rows): the same
     * work and the same errors, but an operator may skip building the rows, as a filter skips copying them.
     */
    public long countRows(Batch partition, TaskContext context) {
        return apply(partition, context).rowCount();
    }

    @Override
    public final PartitionedBatch execute(List<PartitionedBatch> inputs, TaskContext context) {
        PartitionedBatch input = inputs.get(0);
        // Each partition is a task of its own, as in Spark: rand() and spark_partition_id() see its index.
        List<Integer> indexes = IntStream.range(0, input.partitions().size()).boxed().toList();
        return new PartitionedBatch(schema(), context.tasks().map(indexes,
                index -> apply(input.partitions().get(index), context.forPartition(index))));
    }
}
