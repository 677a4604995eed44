package sluice.engine.expr.compile;

import java.math.BigDecimal;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.lex.Span;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;
import sluice.engine.types.DoubleVector;
import sluice.engine.types.IntegralRange;
import sluice.engine.types.LongVector;
import sluice.engine.types.NullMask;
import sluice.engine.types.VectorBuilder;

/**
 * CAST and TRY_CAST of a column; casts between integral types and from one to DOUBLE take primitive paths, the rest
 * goes by row.
 */
final class CastEvaluator extends Evaluator {
    private final Evaluator operand;
    private final boolean isTry;

    CastEvaluator(Evaluator operand, DataType type, boolean isTry, SourceText source, Span span) {
        super(type, source, span);
        this.operand = operand;
        this.isTry = isTry;
    }

    /** The value being cast. */
    Evaluator operand() {
        return operand;
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
            if (type().isIntegral()) {
                return integral(longs, from, n);
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
        return byRow(a, from, n, env);
    }

    /**
     * Between integral types the stored longs stay as they are: a wider type takes the vector as it is, a narrower
     * one checks each value against its range (CAST_OVERFLOW, or null under TRY_CAST).
     */
    private ColumnVector integral(LongVector longs, DataType from, int n) {
        IntegralRange target = IntegralRange.of(type());
        IntegralRange source = IntegralRange.of(from);
        if (target.min() <= source.min() && target.max() >= source.max()) {
            return new LongVector(type(), longs.values(), n, longs.nullWords());
        }
        long[] values = longs.values();
        long[] nulls = longs.nullWords();
        for (int i = 0; i < n; i++) {
            if (!target.contains(values[i]) && !longs.isNull(i)) {
                if (!isTry) {
                    throw RowFailure.castOverflow(Casts.literalText(values[i], from), from.sql(), type().sql());
                }
                if (values == longs.values()) {
                    values = values.clone();
                    nulls = nulls == null ? NullMask.newWords(n) : nulls.clone();
                }
                values[i] = 0;
                NullMask.set(nulls, i);
            }
        }
        return new LongVector(type(), values, n, nulls);
    }

    private ColumnVector byRow(ColumnVector a, DataType from, int n, Env env) {
        VectorBuilder out = new VectorBuilder(type(), n);
        boolean foldedDecimalSeconds = from instanceof DecimalType && type() == AtomicType.TIMESTAMP
                && operandConstant();
        for (int i = 0; i < n; i++) {
            Object value = Values.get(a, i);
            Object cast;
            try {
                cast = foldedDecimalSeconds && value != null ? Casts.foldedDecimalToTimestamp((BigDecimal) value)
                        : Casts.cast(value, from, type(), env.zone(), isTry);
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
