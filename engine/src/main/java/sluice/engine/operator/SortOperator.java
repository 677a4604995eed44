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

    public SortOperator(Schema schema, List<Key> keys) {
        this.schema = requireNonNull(schema, "schema is null");
        this.keys = List.copyOf(keys);
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public BitSet requiredInputColumns(int input, int inputWidth, BitSet requiredOutput) {
        BitSet needed = (BitSet) requiredOutput.clone();
        keys.forEach(key -> needed.or(key.expression().referencedColumns()));
        return needed;
    }

    @Override
    public PartitionedBatch execute(List<PartitionedBatch> inputs, TaskContext context) {
        Batch all = Batch.concat(schema, inputs.get(0).partitions());
        List<ColumnVector> values = new ArrayList<>();
        for (Key key : keys) {
            values.add(key.expression().evaluate(all, context.eval()));
        }
        Integer[] order = new Integer[all.rowCount()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, comparator(values));
        int[] rows = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
        return new PartitionedBatch(schema, List.of(all.select(rows, rows.length)));
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
