package sluice.engine.expr.compile;

import java.util.function.UnaryOperator;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.lex.Span;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.ObjectVector;

/**
 * A STRING function of one STRING column (upper, lower, trim, reverse, initcap) as one loop over the column's array;
 * null rows stay null and keep the input's null bitmap; a string seen a moment before takes the result it had
 * ({@link RecentResults}). Immutable; any thread.
 */
final class StringFunctionEvaluator extends Evaluator {
    private final Evaluator operand;
    private final UnaryOperator<String> function;

    StringFunctionEvaluator(Evaluator operand, UnaryOperator<String> function, SourceText source, Span span) {
        super(AtomicType.STRING, source, span);
        this.operand = operand;
        this.function = function;
    }

    @Override
    ColumnVector compute(Batch batch, Env env) {
        ObjectVector a = (ObjectVector) operand.evaluate(batch, env);
        int n = batch.rowCount();
        Object[] in = a.values();
        Object[] out = new Object[n];
        RecentResults recent = new RecentResults();
        for (int i = 0; i < n; i++) {
            Object value = in[i];
            if (value != null && !a.isNull(i)) {
                String text = (String) value;
                Object result = recent.get(text);
                if (result == RecentResults.MISS) {
                    result = function.apply(text);
                    recent.put(text, result);
                }
                out[i] = result;
            }
        }
        return new ObjectVector(AtomicType.STRING, out, n, a.nullWords());
    }
}
