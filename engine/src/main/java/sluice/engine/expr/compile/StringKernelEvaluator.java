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
 * constants, null rows stay null and keep the input's bitmap. For kernels that are null for any null argument and
 * give a STRING or a long-stored value. Immutable; any thread.
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
        if (type().storage() == DataType.Storage.LONG) {
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                if (in[i] != null && !a.isNull(i)) {
                    row[0] = in[i];
                    out[i] = (Long) kernel.apply(row, env);
                }
            }
            return new LongVector(type(), out, n, a.nullWords());
        }
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            if (in[i] != null && !a.isNull(i)) {
                row[0] = in[i];
                out[i] = kernel.apply(row, env);
            }
        }
        return new ObjectVector(type(), out, n, a.nullWords());
    }
}
