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

    /** The first {@code limit} rows in one batch, without copying the rest (what {@code show()} needs). */
    public Batch head(int limit) {
        java.util.List<Batch> parts = new java.util.ArrayList<>();
        int remaining = limit;
        for (Batch partition : partitions) {
            if (remaining <= 0) {
                break;
            }
            Batch part = partition.rowCount() <= remaining ? partition : partition.slice(0, remaining);
            parts.add(part);
            remaining -= part.rowCount();
        }
        return parts.isEmpty() ? Batch.empty(schema) : Batch.concat(schema, parts);
    }

    /** All rows in one batch, partition after partition. */
    public Batch toBatch() {
        return partitions.isEmpty() ? Batch.empty(schema) : Batch.concat(schema, partitions);
    }
}
