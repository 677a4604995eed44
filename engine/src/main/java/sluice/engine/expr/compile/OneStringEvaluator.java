package sluice.engine.expr.compile;

import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.lex.Span;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.LongVector;
import sluice.engine.types.NullMask;
import sluice.engine.types.ObjectVector;

/**
 * A function whose arguments are constants but one STRING column ({@code concat_ws('-', s, 'x')},
 * {@code format_string('%s!', s)} ...), giving a STRING or a long-stored value, as one loop over the column's array
 * that calls the kernel once per string seen a moment before ({@link RecentResults}). Null handling is the kernel's:
 * a null-intolerant one gives null for a null string, the others are called with it. Immutable; any thread.
 */
final class OneStringEvaluator extends Evaluator {
    private final Evaluator varying;
    private final int position;
    private final Object[] arguments;
    private final Kernel kernel;
    private final boolean nullIntolerant;

    /** {@code arguments}: every argument in stored form, the one at {@code position} being read from the column. */
    OneStringEvaluator(Evaluator varying, int position, Object[] arguments, Kernel kernel, boolean nullIntolerant,
            DataType type, SourceText source, Span span) {
        super(type, source, span);
        this.varying = varying;
        this.position = position;
        this.arguments = arguments.clone();
        this.kernel = kernel;
        this.nullIntolerant = nullIntolerant;
    }

    @Override
    ColumnVector compute(Batch batch, Env env) {
        ObjectVector a = (ObjectVector) varying.evaluate(batch, env);
        int n = batch.rowCount();
        Object[] in = a.values();
        Object[] row = arguments.clone();
        boolean anyConstantNull = false;
        for (int j = 0; j < row.length; j++) {
            anyConstantNull |= j != position && row[j] == null;
        }
        RecentResults recent = new RecentResults();
        Object ofNull = RecentResults.MISS;
        boolean longs = type().storage() == DataType.Storage.LONG;
        long[] longOut = longs ? new long[n] : null;
        Object[] objectOut = longs ? null : new Object[n];
        long[] nulls = null;
        for (int i = 0; i < n; i++) {
            String value = a.isNull(i) ? null : (String) in[i];
            Object result;
            if (value == null || anyConstantNull && nullIntolerant) {
                if (ofNull == RecentResults.MISS) {
                    row[position] = null;
                    ofNull = nullIntolerant ? null : kernel.apply(row, env);
                }
                result = ofNull;
            } else {
                result = recent.get(value);
                if (result == RecentResults.MISS) {
                    row[position] = value;
                    result = kernel.apply(row, env);
                    recent.put(value, result);
                }
            }
            if (result == null) {
                nulls = nulls == null ? NullMask.newWords(n) : nulls;
                NullMask.set(nulls, i);
            } else if (longs) {
                longOut[i] = (Long) result;
            } else {
                objectOut[i] = result;
            }
        }
        return longs ? new LongVector(type(), longOut, n, nulls) : new ObjectVector(type(), objectOut, n, nulls);
    }
}
