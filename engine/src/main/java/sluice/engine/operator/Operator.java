package sluice.engine.operator;

import java.util.List;
import sluice.engine.types.PartitionedBatch;
import sluice.engine.types.Schema;

/** A transform of one micro-batch: its inputs' partitions in, its own out. */
public interface Operator {

    Schema schema();

    PartitionedBatch execute(List<PartitionedBatch> inputs, TaskContext context);
}
