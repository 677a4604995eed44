package sluice.engine.expr.compile;

import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.lex.Span;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.DoubleVector;
import sluice.engine.types.LongVector;
import sluice.engine.types.VectorBuilder;

/** CAST and TRY_CAST of a column; widening INT to BIGINT or DOUBLE takes a primitive path, the rest goes by row. */
final class CastEvaluator extends Evaluator {
    private final Evaluator operand;
    private final boolean isTry;

    CastEvaluator(Evaluator operand, DataType type, boolean isTry, SourceText source, Span span) {
        super(type, source, span);
        this.operand = operand;
        this.isTry = isTry;
    }

    boolean operandConstant() {
        return operand.constantValue() != NOT_CONSTANT;
    }

    @Override
    ColumnVector compute(Batch batch, Env env) {
        ColumnVector a = operand.evaluate(batch, env);
        DataType from = operand.type();
        int n = batch.rowCount();
        if (from.equals(type())) {
            return a;
        }
        if (from.isIntegral() && a instanceof LongVector longs) {
            if (type() == AtomicType.BIGINT) {
                return new LongVector(AtomicType.BIGINT, longs.values(), n, a.nullWords());
            }
            if (type() == AtomicType.DOUBLE) {
                double[] out = new double[n];
                long[] in = longs.values();
                for (int i = 0; i < n; i++) {
                    out[i] = in[i];
                }
                return new DoubleVector(AtomicType.DOUBLE, out, n, a.nullWords());
            }
        }
        VectorBuilder out = new VectorBuilder(type(), n);
        for (int i = 0; i < n; i++) {
            Object value = Values.get(a, i);
            Object cast;
            try {
                cast = Casts.cast(value, from, type(), env.zone());
            } catch (RowFailure failure) {
                if (!isTry) {
                    throw failure;
                }
                cast = null;
            }
            Values.append(out, cast);
        }
        return out.build();
    }
}
