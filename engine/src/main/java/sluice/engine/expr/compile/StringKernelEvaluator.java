package sluice.engine.expr.compile;

import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.lex.Span;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.LongVector;
import sluice.engine.types.ObjectVector;

/**
 * A function of one STRING column and constants ({@code substring(s, 1, 2)}, {@code replace(s, 'a', 'b')},
 * {@code md5(s)} on text ...) in one loop over the column's array: the kernel sees the row's string with the
 * constants, null rows stay null and keep the input's bitmap, and a string seen a moment before takes the result it
 * had ({@link RecentResults}). For kernels that are null for any null argument
 * and give a STRING or a long-stored value. Immutable; any thread.
 */
final class StringKernelEvaluator extends Evaluator {
    private final Evaluator operand;
    private final Kernel kernel;
    private final Object[] constants;

    /** {@code constants}: the arguments after the first, in stored form, none null. */
    StringKernelEvaluator(Evaluator operand, Kernel kernel, Object[] constants, DataType type, SourceText source,
            Span span) {
        super(type, source, span);
        this.operand = operand;
        this.kernel = kernel;
        this.constants = constants.clone();
    }

    @Override
    ColumnVector compute(Batch batch, Env env) {
        ObjectVector a = (ObjectVector) operand.evaluate(batch, env);
        int n = batch.rowCount();
        Object[] in = a.values();
        Object[] row = new Object[constants.length + 1];
        System.arraycopy(constants, 0, row, 1, constants.length);
        RecentResults recent = new RecentResults();
        boolean longs = type().storage() == DataType.Storage.LONG;
        long[] longOut = longs ? new long[n] : null;
        Object[] objectOut = longs ? null : new Object[n];
        for (int i = 0; i < n; i++) {
            if (in[i] != null && !a.isNull(i)) {
                String value = (String) in[i];
                Object result = recent.get(value);
                if (result == RecentResults.MISS) {
                    row[0] = value;
                    result = kernel.apply(row, env);
                    recent.put(value, result);
                }
                if (longs) {
                    longOut[i] = (Long) result;
                } else {
                    objectOut[i] = result;
                }
            }
        }
        return longs ? new LongVector(type(), longOut, n, a.nullWords())
                : new ObjectVector(type(), objectOut, n, a.nullWords());
    }
}
