package sluice.engine.operator;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Supplier;
import sluice.engine.types.Batch;
import sluice.engine.types.PartitionedBatch;
import sluice.engine.types.Schema;

/**
 * A static table in a streaming query (Spark's batch DataFrame beside a stream): it takes no input and gives the same
 * rows every micro-batch. The rows are read the first time a batch needs them and kept for the rest of the query,
 * so every batch joins against one snapshot of the table. Mutable (the kept rows), owned by one query's thread.
 */
public final class StaticTableOperator implements Operator {
    private final Schema schema;
    private final Supplier<List<Batch>> reader;
    private PartitionedBatch table;

    public StaticTableOperator(Schema schema, Supplier<List<Batch>> reader) {
        this.schema = requireNonNull(schema, "schema is null");
        this.reader = requireNonNull(reader, "reader is null");
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public PartitionedBatch execute(List<PartitionedBatch> inputs, TaskContext context) {
        if (table == null) {
            table = new PartitionedBatch(schema, reader.get());
        }
        return table;
    }
}
