package sluice.engine.operator;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import sluice.engine.types.Batch;
import sluice.engine.types.PartitionedBatch;
import sluice.engine.types.Schema;

/**
 * Spark's {@code limit(n)} of a batch that is a whole result table (after an aggregation in complete mode): the first
 * {@code n} rows of each batch, partitions in order, in one partition. A limit of the stream itself (append mode) is
 * {@link StreamingLimitOperator}. Stateless; any thread.
 */
public final class LimitOperator implements Operator {
    private final Schema schema;
    private final long limit;

    public LimitOperator(Schema schema, long limit) {
        this.schema = requireNonNull(schema, "schema is null");
        this.limit = limit;
    }

    /** The same limit over the stream as a whole, for append mode. */
    public StreamingLimitOperator streaming() {
        return new StreamingLimitOperator(schema, limit);
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public BitSet requiredInputColumns(int input, int inputWidth, BitSet requiredOutput) {
        return (BitSet) requiredOutput.clone();
    }

    @Override
    public PartitionedBatch execute(List<PartitionedBatch> inputs, TaskContext context) {
        return new PartitionedBatch(schema, List.of(first(schema, inputs.get(0).partitions(), limit)));
    }

    /** The first {@code count} rows of the partitions, in order, as one batch. */
    static Batch first(Schema schema, List<Batch> partitions, long count) {
        List<Batch> kept = new ArrayList<>();
        long left = count;
        for (Batch partition : partitions) {
            if (left <= 0) {
                break;
            }
            int take = (int) Math.min(left, partition.rowCount());
            kept.add(partition.slice(0, take));
            left -= take;
        }
        return kept.isEmpty() ? Batch.empty(schema) : Batch.concat(schema, kept);
    }
}
