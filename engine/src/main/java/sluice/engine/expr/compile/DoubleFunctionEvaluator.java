package sluice.engine.expr.compile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.lex.Span;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DoubleVector;
import sluice.engine.types.NullMask;

/**
 * A DOUBLE function of one or two DOUBLE columns (sqrt, exp, logarithms, trigonometry, abs, pow, round) in a loop
 * over primitive arrays, without boxing a value per row. Immutable; any thread.
 */
final class DoubleFunctionEvaluator extends Evaluator {
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
            1e13, 1e14, 1e15};
    private static final double EXACT_LIMIT = 0x1p52;

    private final Evaluator left;
    private final Evaluator right;
    private final DoubleBinaryOperator function;
    private final boolean nullAtOrBelowZero;

    private DoubleFunctionEvaluator(Evaluator left, Evaluator right, DoubleBinaryOperator function,
            boolean nullAtOrBelowZero, SourceText source, Span span) {
        super(AtomicType.DOUBLE, source, span);
        this.left = left;
        this.right = right;
        this.function = function;
        this.nullAtOrBelowZero = nullAtOrBelowZero;
    }

    static DoubleFunctionEvaluator unary(Evaluator operand, DoubleUnaryOperator function, SourceText source,
            Span span) {
        return new DoubleFunctionEvaluator(operand, null, (x, unused) -> function.applyAsDouble(x), false, source,
                span);
    }

    /** Spark's ln, log10 and log2: null, not NaN or -Infinity, for an input at or below zero. */
    static DoubleFunctionEvaluator logarithm(Evaluator operand, DoubleUnaryOperator function, SourceText source,
            Span span) {
        return new DoubleFunctionEvaluator(operand, null, (x, unused) -> function.applyAsDouble(x), true, source,
                span);
    }

    static DoubleFunctionEvaluator binary(Evaluator left, Evaluator right, DoubleBinaryOperator function,
            SourceText source, Span span) {
        return new DoubleFunctionEvaluator(left, right, function, false, source, span);
    }

    @Override
    ColumnVector compute(Batch batch, Env env) {
        int n = batch.rowCount();
        DoubleVector a = (DoubleVector) left.evaluate(batch, env);
        double[] x = a.values();
        double[] out = new double[n];
        long[] nulls = a.nullWords();
        if (right == null) {
            for (int i = 0; i < n; i++) {
                out[i] = function.applyAsDouble(x[i], 0);
            }
        } else {
            DoubleVector b = (DoubleVector) Selection.evaluateWhereNotNull(right, batch, env, a);
            double[] y = b.values();
            for (int i = 0; i < n; i++) {
                out[i] = function.applyAsDouble(x[i], y[i]);
            }
            nulls = Values.orNulls(a, b, n);
        }
        if (nullAtOrBelowZero) {
            nulls = nullWhereNotPositive(x, n, nulls);
        }
        return new DoubleVector(AtomicType.DOUBLE, out, n, nulls);
    }

    private static long[] nullWhereNotPositive(double[] x, int n, long[] nulls) {
        long[] words = nulls;
        for (int i = 0; i < n; i++) {
            if (x[i] <= 0) {
                if (words == nulls) {
                    words = nulls == null ? NullMask.newWords(n) : nulls.clone();
                }
                NullMask.set(words, i);
            }
        }
        return words;
    }

    /**
     * Spark's round on a double: the shortest decimal that reads back as {@code value} (Double.toString's digits),
     * rounded with {@code mode} to {@code scale} places. The fast path scales by a power of ten and rounds in
     * doubles; it is exact when the scaled value is an integer below 2^52 after rounding and not close to a tie,
     * because IEEE division of two exact integers is correctly rounded. Near a tie it asks BigDecimal.
     */
    static double round(double value, int scale, RoundingMode mode) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        if (scale >= 0 && scale < POWERS_OF_TEN.length && mode == RoundingMode.HALF_UP) {
            double factor = POWERS_OF_TEN[scale];
            double scaled = Math.abs(value) * factor;
            if (scaled < EXACT_LIMIT) {
                double fraction = scaled - Math.floor(scaled);
                double margin = 64 * Math.ulp(scaled);
                if (Math.abs(fraction - 0.5) > margin) {
                    double rounded = Math.floor(scaled + 0.5);
                    return rounded == 0 ? 0.0 : Math.copySign(rounded / factor, value);
                }
            }
        }
        return BigDecimal.valueOf(value).setScale(scale, mode).doubleValue();
    }
}
