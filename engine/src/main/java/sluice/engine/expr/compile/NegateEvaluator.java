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
import sluice.engine.types.ObjectVector;

/** Unary minus; negating the smallest value of an integral type overflows under ANSI. */
final class NegateEvaluator extends Evaluator {
    private final Evaluator operand;

    NegateEvaluator(Evaluator operand, DataType type, SourceText source, Span span) {
        super(type, source, span);
        this.operand = operand;
    }

    @Override
    ColumnVector compute(Batch batch, Env env) {
        ColumnVector a = operand.evaluate(batch, env);
        int n = batch.rowCount();
        if (a instanceof DoubleVector x) {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = -x.values()[i];
            }
            return new DoubleVector(type(), out, n, a.nullWords());
        } else if (a instanceof LongVector x) {
            // A year-month interval is Spark's int of months, and negates as an INT does.
            long min = type().isDayTimeInterval() ? Long.MIN_VALUE : IntegralRange.of(
                    type().isYearMonthInterval() ? AtomicType.INT : type()).min();
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                long v = x.values()[i];
                if (v == min && !a.isNull(i)) {
                    if (type().isDayTimeInterval()) {
                        throw RowFailure.intervalOverflow();
                    }
                    ExactArithmetic.negate(type().isYearMonthInterval() ? AtomicType.INT : type(), v);
                }
                out[i] = -v;
            }
            return new LongVector(type(), out, n, a.nullWords());
        }
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            Object v = ((ObjectVector) a).values()[i];
            out[i] = v == null ? null : DecimalNegation.negate((BigDecimal) v, (DecimalType) type());
        }
        return new ObjectVector(type(), out, n, a.nullWords());
    }
}
