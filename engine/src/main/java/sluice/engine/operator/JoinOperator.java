package sluice.engine.operator;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;
import sluice.engine.types.Batch;
import sluice.engine.types.PartitionedBatch;
import sluice.engine.types.Schema;

/**
 * A join where at most one side is a stream (Spark's stream-static join, or a join of two static tables): each
 * micro-batch's rows of the left input are joined with all rows of the right input, as Spark joins each batch of the
 * stream with the whole static table; no state. The right side is hashed on the equi-join keys once per batch, and
 * only once for a static table, which gives the same rows every batch. Left partitions are probed in parallel.
 * Mutable (the hashed table it keeps), owned by one query's thread.
 */
public final class JoinOperator implements Operator {
    private final HashJoin join;
    private final JoinType type;
    private final Schema schema;
    private PartitionedBatch hashedInput;
    private HashJoin.Table hashed;

    public JoinOperator(JoinType type, JoinCondition condition, Schema left, Schema right, List<JoinColumn> columns,
                        Schema schema) {
        this.join = new HashJoin(type, condition, left, right, columns, schema);
        this.type = type;
        this.schema = schema;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public PartitionedBatch execute(List<PartitionedBatch> inputs, TaskContext context) {
        PartitionedBatch left = inputs.get(0);
        PartitionedBatch right = inputs.get(1);
        if (right != hashedInput) {
            // A static table hands the very same rows every batch: hashed once, kept.
            hashed = join.build(right.toBatch(), context.eval());
            hashedInput = right;
        }
        HashJoin.Table table = hashed;
        List<Integer> indexes = IntStream.range(0, left.partitions().size()).boxed().toList();
        List<BitSet> matched = new ArrayList<>();
        indexes.forEach(i -> matched.add(new BitSet()));
        List<Batch> output = new ArrayList<>(context.tasks().map(indexes, i -> join.probe(left.partitions().get(i),
                table, context.forPartition(i).eval(), matched.get(i))));
        if (type.keepsUnmatchedRight()) {
            BitSet all = new BitSet();
            matched.forEach(all::or);
            output.add(join.unmatchedRight(table, all));
        }
        return new PartitionedBatch(schema, output);
    }
}
