package sluice.engine.operator;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import sluice.engine.aggregate.StoredValues;
import sluice.engine.expr.CompiledExpression;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.PartitionedBatch;
import sluice.engine.types.Schema;

/**
 * Spark's {@code orderBy}: the whole batch in one partition, sorted by the keys in turn, each ascending or descending
 * with nulls first or last, values in Spark's order. Rows with equal keys keep their order (Spark leaves it open).
 * Stateless; any thread.
 */
public final class SortOperator implements Operator {
    /** One sort key: the compiled expression, its direction and where its nulls go. */
    public record Key(CompiledExpression expression, boolean ascending, boolean nullsFirst) {
        public Key {
            requireNonNull(expression, "expression is null");
        }
    }

    private final Schema schema;
    private final List<Key> keys;
    /** Run over the rows before they are sorted (the selects above widened) and after it; null when not. */
    private final PartitionOperator before;
    private final PartitionOperator after;

    public SortOperator(Schema schema, List<Key> keys) {
        this(schema, keys, null, null);
    }

    private SortOperator(Schema schema, List<Key> keys, PartitionOperator before, PartitionOperator after) {
        this.schema = requireNonNull(schema, "schema is null");
        this.keys = List.copyOf(keys);
        this.before = before;
        this.after = after;
    }

    /**
     * This sort with its keys read from the rows {@code before} makes out of its input, and {@code after} applied to
     * the sorted rows: Spark's sort on a column a select above dropped (the planner's MissingReferences).
     */
    public SortOperator around(PartitionOperator widen, PartitionOperator narrow) {
        return new SortOperator(schema, keys, requireNonNull(widen, "widen is null"),
                requireNonNull(narrow, "narrow is null"));
    }

    @Override
    public Schema schema() {
        return after == null ? schema : after.schema();
    }

    @Override
    public BitSet requiredInputColumns(int input, int inputWidth, BitSet requiredOutput) {
        if (before != null) {
            return Operator.super.requiredInputColumns(input, inputWidth, requiredOutput);
        }
        BitSet needed = (BitSet) requiredOutput.clone();
        keys.forEach(key -> needed.or(key.expression().referencedColumns()));
        return needed;
    }

    @Override
    public PartitionedBatch execute(List<PartitionedBatch> inputs, TaskContext context) {
        PartitionedBatch input = inputs.get(0);
        Batch all = Batch.concat(before == null ? schema : input.schema(), input.partitions());
        if (before != null) {
            all = before.apply(all, context.forPartition(0));
        }
        List<ColumnVector> values = new ArrayList<>();
        for (Key key : keys) {
            values.add(key.expression().evaluate(all, context.eval()));
        }
        Integer[] order = new Integer[all.rowCount()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, comparator(values));
        int[] rows = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
        Batch sorted = all.select(rows, rows.length);
        return new PartitionedBatch(schema(), List.of(after == null ? sorted : after.apply(sorted,
                context.forPartition(0))));
    }

    private Comparator<Integer> comparator(List<ColumnVector> values) {
        return (a, b) -> {
            for (int k = 0; k < keys.size(); k++) {
                Key key = keys.get(k);
                Object x = StoredValues.read(values.get(k), a);
                Object y = StoredValues.read(values.get(k), b);
                int result;
                if (x == null || y == null) {
                    result = x == y ? 0 : (x == null) == key.nullsFirst() ? -1 : 1;
                } else {
                    result = key.ascending() ? StoredValues.compare(x, y) : StoredValues.compare(y, x);
                }
                if (result != 0) {
                    return result;
                }
            }
            return 0;
        };
    }
}
