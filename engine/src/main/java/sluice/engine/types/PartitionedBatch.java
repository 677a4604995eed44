package sluice.engine.types;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A micro-batch's rows as partitions (Spark's tasks), in partition order. Every partition has this schema's column
 * types. Immutable.
 */
public record PartitionedBatch(Schema schema, List<Batch> partitions) {
    public PartitionedBatch {
        requireNonNull(schema, "schema is null");
        partitions = List.copyOf(partitions);
    }

    public static PartitionedBatch of(Batch batch) {
        return new PartitionedBatch(batch.schema(), List.of(batch));
    }

    public long rowCount() {
        long total = 0;
        for (Batch partition : partitions) {
            total += partition.rowCount();
        }
        return total;
    }

    /** All rows in one batch, partition after partition. */
    public Batch toBatch() {
        return partitions.isEmpty() ? Batch.empty(schema) : Batch.concat(schema, partitions);
    }
}
