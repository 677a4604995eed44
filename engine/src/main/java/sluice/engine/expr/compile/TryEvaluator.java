package sluice.engine.expr.compile;

import sluice.engine.diag.SluiceException;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.lex.Span;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.VectorBuilder;

/**
 * Spark's TryEval: its operand's value, or null for each row whose evaluation fails anywhere inside the operand. The
 * whole batch is tried first; only a batch with a failure is evaluated again one row at a time.
 */
final class TryEvaluator extends Evaluator {
    private final Evaluator operand;

    TryEvaluator(Evaluator operand, SourceText source, Span span) {
        super(operand.type(), source, span);
        this.operand = operand;
    }

    @Override
    ColumnVector compute(Batch batch, Env env) {
        try {
            return operand.evaluate(batch, env);
        } catch (SluiceException failure) {
            return rowByRow(batch, env);
        }
    }

    private ColumnVector rowByRow(Batch batch, Env env) {
        int n = batch.rowCount();
        VectorBuilder out = new VectorBuilder(type(), n);
        for (int i = 0; i < n; i++) {
            Object value;
            try {
                value = Values.get(operand.evaluate(batch.slice(i, i + 1), env), 0);
            } catch (SluiceException failure) {
                value = null;
            }
            Values.append(out, value);
        }
        return out.build();
    }
}
