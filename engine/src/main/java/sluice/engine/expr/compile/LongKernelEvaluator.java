package sluice.engine.expr.compile;

import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.lex.Span;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.LongVector;
import sluice.engine.types.ObjectVector;

/**
 * A function of one long-stored column (DATE, TIMESTAMP) and constants ({@code year(d)},
 * {@code date_format(ts, 'yyyy-MM')}, {@code datediff(d, DATE '2000-01-01')} ...) in one loop over the column's
 * array: null rows stay null and keep the input's bitmap, and a value seen a moment before takes the result it had
 * ({@link RecentResults}; times in a stream come sorted and repeated). For kernels that are null for
 * any null argument, give a value for every other row and depend on nothing but their arguments and the environment.
 * Immutable; any thread.
 */
final class LongKernelEvaluator extends Evaluator {
    private final Evaluator operand;
    private final Kernel kernel;
    private final Object[] constants;

    /** {@code constants}: the arguments after the first, in stored form, none null. */
    LongKernelEvaluator(Evaluator operand, Kernel kernel, Object[] constants, DataType type, SourceText source,
            Span span) {
        super(type, source, span);
        this.operand = operand;
        this.kernel = kernel;
        this.constants = constants.clone();
    }

    @Override
    ColumnVector compute(Batch batch, Env env) {
        LongVector a = (LongVector) operand.evaluate(batch, env);
        int n = batch.rowCount();
        long[] in = a.values();
        Object[] row = new Object[constants.length + 1];
        System.arraycopy(constants, 0, row, 1, constants.length);
        boolean longs = type().storage() == DataType.Storage.LONG;
        long[] longOut = longs ? new long[n] : null;
        Object[] objectOut = longs ? null : new Object[n];
        RecentResults recent = new RecentResults();
        // The previous row's value and result: dates and times come in runs (eight symbols a day), and a run's rows
        // take the result without a lookup, and for long results without unboxing it.
        boolean seen = false;
        long previous = 0;
        Object previousResult = null;
        long previousLong = 0;
        for (int i = 0; i < n; i++) {
            if (a.isNull(i)) {
                continue;
            }
            long value = in[i];
            if (!seen || value != previous) {
                Object result = recent.get(value);
                if (result == RecentResults.MISS) {
                    row[0] = value;
                    result = kernel.apply(row, env);
                    recent.put(value, result);
                }
                seen = true;
                previous = value;
                previousResult = result;
                previousLong = longs ? (Long) result : 0;
            }
            if (longs) {
                longOut[i] = previousLong;
            } else {
                objectOut[i] = previousResult;
            }
        }
        return longs ? new LongVector(type(), longOut, n, a.nullWords())
                : new ObjectVector(type(), objectOut, n, a.nullWords());
    }
}
