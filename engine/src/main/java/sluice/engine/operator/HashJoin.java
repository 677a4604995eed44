package sluice.engine.operator;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sluice.engine.aggregate.StoredValues;
import sluice.engine.expr.CompiledExpression;
import sluice.engine.expr.EvalContext;
import sluice.engine.state.RowEncoding;
import sluice.engine.state.StateKey;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.Field;
import sluice.engine.types.Schema;
import sluice.engine.types.VectorBuilder;

/**
 * The join of a batch of left rows with a table of right rows, hashed on the equi-join keys (every right row is a
 * candidate without keys), then filtered by the residual condition; shared by the stream-static and the stream-stream
 * join. Immutable; any thread.
 */
final class HashJoin {
    private static final int[] NONE = new int[0];

    private final JoinType type;
    private final JoinCondition condition;
    private final Schema left;
    private final Schema right;
    private final Schema pairs;
    private final List<JoinColumn> columns;
    private final Schema schema;
    private final RowEncoding keyEncoding;

    HashJoin(JoinType type, JoinCondition condition, Schema left, Schema right, List<JoinColumn> columns,
             Schema schema) {
        this.type = requireNonNull(type, "type is null");
        this.condition = requireNonNull(condition, "condition is null");
        this.left = requireNonNull(left, "left is null");
        this.right = requireNonNull(right, "right is null");
        List<Field> both = new ArrayList<>(left.fields());
        both.addAll(right.fields());
        this.pairs = new Schema(both);
        this.columns = List.copyOf(columns);
        this.schema = requireNonNull(schema, "schema is null");
        List<DataType> keyTypes = condition.leftKeys().stream().map(CompiledExpression::type).toList();
        this.keyEncoding = RowEncoding.forKeys(keyTypes);
    }

    /** The right rows and, with keys, the rows of each key in row order. */
    record Table(Batch rows, Map<StateKey, int[]> byKey) {}

    Table build(Batch rows, EvalContext eval) {
        return build(rows, false, eval);
    }

    /** The table of {@code rows} of the left side ({@code leftSide}) or the right, hashed on that side's keys. */
    Table build(Batch rows, boolean leftSide, EvalContext eval) {
        if (condition.rightKeys().isEmpty()) {
            return new Table(rows, null);
        }
        StateKey[] keys = keysOf(rows, leftSide ? condition.leftKeys() : condition.rightKeys(), eval);
        Map<StateKey, int[]> byKey = new HashMap<>();
        Map<StateKey, Integer> counts = new HashMap<>();
        for (StateKey key : keys) {
            if (key != null) {
                counts.merge(key, 1, Integer::sum);
            }
        }
        counts.forEach((key, count) -> byKey.put(key, new int[count]));
        Map<StateKey, Integer> filled = new HashMap<>();
        for (int r = 0; r < keys.length; r++) {
            if (keys[r] != null) {
                int at = filled.merge(keys[r], 1, Integer::sum) - 1;
                byKey.get(keys[r])[at] = r;
            }
        }
        return new Table(rows, byKey);
    }

    /**
     * The output rows of {@code rows} (left rows) joined with {@code table}, each left row's matches in table order,
     * a left row without a match as the join type says; every table row matched is set in {@code matchedRight}.
     */
    Batch probe(Batch rows, Table table, EvalContext eval, BitSet matchedRight) {
        IntPairs matches = pairs(rows, table, true, eval);
        for (int i = 0; i < matches.size; i++) {
            matchedRight.set(matches.right[i]);
        }
        if (type.leftOnly()) {
            return semiOrAnti(rows, matches);
        }
        IntPairs out = matches;
        if (type.keepsUnmatchedLeft()) {
            out = withUnmatchedLeft(rows.rowCount(), matches);
        }
        return assemble(rows, table.rows(), out);
    }

    /** The matching pairs of a left row and a right row, in the order of the rows probing the table. */
    record Matches(int[] left, int[] right, int size) {}

    /**
     * The pairs that match of the {@code rows} of one side ({@code leftRows}: the left) and the other side's
     * {@code table}, each probing row's pairs in table order.
     */
    Matches matches(Batch rows, Table table, boolean leftRows, EvalContext eval) {
        IntPairs found = pairs(rows, table, leftRows, eval);
        return new Matches(found.left, found.right, found.size);
    }

    private IntPairs pairs(Batch rows, Table table, boolean leftRows, EvalContext eval) {
        int[][] candidates = new int[rows.rowCount()][];
        if (table.byKey() == null) {
            int[] all = new int[table.rows().rowCount()];
            Arrays.setAll(all, i -> i);
            Arrays.fill(candidates, all);
        } else {
            StateKey[] keys = keysOf(rows, leftRows ? condition.leftKeys() : condition.rightKeys(), eval);
            for (int r = 0; r < keys.length; r++) {
                candidates[r] = keys[r] == null ? NONE : table.byKey().getOrDefault(keys[r], NONE);
            }
        }
        IntPairs matches = new IntPairs();
        for (int r = 0; r < candidates.length; r++) {
            for (int c : candidates[r]) {
                if (leftRows) {
                    matches.add(r, c);
                } else {
                    matches.add(c, r);
                }
            }
        }
        if (condition.residual() != null && matches.size > 0) {
            matches = leftRows ? matches.keep(residualTrue(rows, table.rows(), matches, eval))
                    : matches.keep(residualTrue(table.rows(), rows, matches, eval));
        }
        return matches;
    }

    /** The output rows of the given pairs of a left row and a right row, -1 standing for a row of nulls. */
    Batch assemble(Batch leftRows, Batch rightRows, int[] leftIndexes, int[] rightIndexes, int size) {
        IntPairs out = new IntPairs();
        for (int i = 0; i < size; i++) {
            out.add(leftIndexes[i], rightIndexes[i]);
        }
        return assemble(leftRows, rightRows, out);
    }

    /** The table rows no left row matched, with nulls for the left columns (right and full outer joins). */
    Batch unmatchedRight(Table table, BitSet matched) {
        IntPairs out = new IntPairs();
        for (int r = 0; r < table.rows().rowCount(); r++) {
            if (!matched.get(r)) {
                out.add(-1, r);
            }
        }
        return assemble(Batch.empty(left), table.rows(), out);
    }

    private StateKey[] keysOf(Batch rows, List<CompiledExpression> keys, EvalContext eval) {
        List<ColumnVector> vectors = new ArrayList<>();
        for (CompiledExpression key : keys) {
            vectors.add(key.evaluate(rows, eval));
        }
        StateKey[] out = new StateKey[rows.rowCount()];
        Object[] values = new Object[keys.size()];
        rows:
        for (int r = 0; r < out.length; r++) {
            for (int k = 0; k < values.length; k++) {
                if (vectors.get(k).isNull(r)) {
                    continue rows;
                }
                values[k] = StoredValues.read(vectors.get(k), r);
            }
            out[r] = new StateKey(keyEncoding.encode(values, 0));
        }
        return out;
    }

    private boolean[] residualTrue(Batch leftRows, Batch rightRows, IntPairs matches, EvalContext eval) {
        List<ColumnVector> both = new ArrayList<>();
        for (ColumnVector column : leftRows.columns()) {
            both.add(column.select(matches.left, matches.size));
        }
        for (ColumnVector column : rightRows.columns()) {
            both.add(column.select(matches.right, matches.size));
        }
        ColumnVector result = condition.residual().evaluate(new Batch(pairs, both, matches.size), eval);
        boolean[] keep = new boolean[matches.size];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = !result.isNull(i) && Boolean.TRUE.equals(result.get(i));
        }
        return keep;
    }

    private Batch semiOrAnti(Batch rows, IntPairs matches) {
        BitSet matched = new BitSet(rows.rowCount());
        for (int i = 0; i < matches.size; i++) {
            matched.set(matches.left[i]);
        }
        int[] kept = new int[rows.rowCount()];
        int count = 0;
        for (int r = 0; r < rows.rowCount(); r++) {
            if (matched.get(r) == (type == JoinType.LEFT_SEMI)) {
                kept[count++] = r;
            }
        }
        return assemble(rows, Batch.empty(right), leftRows(kept, count));
    }

    private static IntPairs leftRows(int[] rows, int count) {
        IntPairs out = new IntPairs();
        for (int i = 0; i < count; i++) {
            out.add(rows[i], -1);
        }
        return out;
    }

    /** The matches with each left row that has none added in its place, with nulls on the right. */
    private static IntPairs withUnmatchedLeft(int leftRows, IntPairs matches) {
        IntPairs out = new IntPairs();
        int i = 0;
        for (int r = 0; r < leftRows; r++) {
            if (i < matches.size && matches.left[i] == r) {
                while (i < matches.size && matches.left[i] == r) {
                    out.add(r, matches.right[i]);
                    i++;
                }
            } else {
                out.add(r, -1);
            }
        }
        return out;
    }

    private Batch assemble(Batch leftRows, Batch rightRows, IntPairs out) {
        List<ColumnVector> vectors = new ArrayList<>(columns.size());
        for (int c = 0; c < columns.size(); c++) {
            JoinColumn column = columns.get(c);
            DataType type = schema.field(c).type();
            ColumnVector fromLeft = column.left() < 0 ? null
                    : gather(leftRows.column(column.left()), out.left, out.size, type);
            ColumnVector fromRight = column.right() < 0 ? null
                    : gather(rightRows.column(column.right()), out.right, out.size, type);
            vectors.add(fromLeft == null ? fromRight : fromRight == null ? fromLeft
                    : coalesce(fromLeft, fromRight, out.size, type));
        }
        return new Batch(schema, vectors, out.size);
    }

    /** {@code vector}'s rows at {@code rows}, null where a row is -1. */
    private static ColumnVector gather(ColumnVector vector, int[] rows, int count, DataType type) {
        boolean anyMissing = false;
        boolean allMissing = true;
        for (int i = 0; i < count; i++) {
            anyMissing |= rows[i] < 0;
            allMissing &= rows[i] < 0;
        }
        if (count > 0 && allMissing) {
            return ColumnVector.nulls(type, count);
        }
        if (!anyMissing) {
            return vector.select(rows, count);
        }
        VectorBuilder builder = new VectorBuilder(type, count);
        for (int i = 0; i < count; i++) {
            if (rows[i] < 0) {
                builder.appendNull();
            } else {
                builder.appendFrom(vector, rows[i]);
            }
        }
        return builder.build();
    }

    private static ColumnVector coalesce(ColumnVector first, ColumnVector second, int count, DataType type) {
        VectorBuilder builder = new VectorBuilder(type, count);
        for (int i = 0; i < count; i++) {
            builder.appendFrom(first.isNull(i) ? second : first, i);
        }
        return builder.build();
    }

    /** Mutable, owned by one task: pairs of a left row and a right row (-1 for none), growing as they are added. */
    private static final class IntPairs {
        private int[] left = new int[16];
        private int[] right = new int[16];
        private int size;

        void add(int l, int r) {
            if (size == left.length) {
                left = Arrays.copyOf(left, size * 2);
                right = Arrays.copyOf(right, size * 2);
            }
            left[size] = l;
            right[size] = r;
            size++;
        }

        IntPairs keep(boolean[] kept) {
            IntPairs out = new IntPairs();
            for (int i = 0; i < size; i++) {
                if (kept[i]) {
                    out.add(left[i], right[i]);
                }
            }
            return out;
        }
    }
}
