package sluice.engine.expr.compile;

import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.VectorBuilder;

/**
 * Runs an evaluator on some rows only: for the lazy branches of AND, OR, CASE and coalesce, and for the later
 * operands of null-intolerant operators and functions. Stateless.
 */
final class Selection {
    private Selection() {
    }

    /** The evaluator's result for {@code rows[0..count)}, in that order (the whole batch when all rows are picked). */
    static ColumnVector evaluateOn(Evaluator evaluator, Batch batch, int[] rows, int count, Env env) {
        if (count == batch.rowCount()) {
            return evaluator.evaluate(batch, env);
        }
        if (count == 0) {
            return new VectorBuilder(evaluator.type(), 0).build();
        }
        return evaluator.evaluate(batch.select(rows, count), env);
    }

    /**
     * The evaluator's result for the whole batch, computed only on the rows where none of {@code earlier} is null and
     * null on the others. Spark evaluates the operands of a null-intolerant operator or function in order and stops
     * at the first null, so a later operand's error (a cast of bad text, an overflow) happens only where every
     * earlier one has a value: {@code a + CAST(s AS INT)} is null, not an error, where {@code a} is null. A column
     * or a constant cannot fail and is evaluated whole.
     */
    static ColumnVector evaluateWhereNotNull(Evaluator evaluator, Batch batch, Env env, ColumnVector... earlier) {
        if (isLeaf(evaluator)) {
            return evaluator.evaluate(batch, env);
        }
        int n = batch.rowCount();
        int[] rows = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (!isNullIn(earlier, i)) {
                rows[count++] = i;
            }
        }
        if (count == n) {
            return evaluator.evaluate(batch, env);
        }
        ColumnVector part = evaluateOn(evaluator, batch, rows, count, env);
        VectorBuilder out = new VectorBuilder(evaluator.type(), n);
        int next = 0;
        for (int i = 0; i < n; i++) {
            if (next < count && rows[next] == i) {
                out.appendFrom(part, next++);
            } else {
                out.appendNull();
            }
        }
        return out.build();
    }

    /** A column or a constant: it cannot fail, so it needs no selection of rows. */
    static boolean isLeaf(Evaluator evaluator) {
        return evaluator instanceof Leaves.ColumnEvaluator || evaluator.constantValue() != Evaluator.NOT_CONSTANT;
    }

    private static boolean isNullIn(ColumnVector[] vectors, int row) {
        for (ColumnVector vector : vectors) {
            if (vector.isNull(row)) {
                return true;
            }
        }
        return false;
    }
}
