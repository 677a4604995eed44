package sluice.engine.expr.compile;

import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.VectorBuilder;

/** Runs an evaluator on some rows only, for the lazy branches of AND, OR and CASE. Stateless. */
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
}
