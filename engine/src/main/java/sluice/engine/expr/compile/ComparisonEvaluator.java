package sluice.engine.expr.compile;

import sluice.engine.expr.analyze.Typed.ComparisonOp;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.lex.Span;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.BooleanVector;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DoubleVector;
import sluice.engine.types.LongVector;

/**
 * Compares two columns of one type. Longs and doubles compare in primitive loops; doubles order NaN above every
 * number and NaN = NaN, as Spark does. {@code <=>} is never null.
 */
final class ComparisonEvaluator extends Evaluator {
    private final ComparisonOp op;
    private final Evaluator left;
    private final Evaluator right;

    ComparisonEvaluator(ComparisonOp op, Evaluator left, Evaluator right, SourceText source, Span span) {
        super(AtomicType.BOOLEAN, source, span);
        this.op = op;
        this.left = left;
        this.right = right;
    }

    @Override
    ColumnVector compute(Batch batch, Env env) {
        if (op != ComparisonOp.NULL_SAFE_EQ && right.constantValue() instanceof Double c) {
            ColumnVector a = left.evaluate(batch, env);
            if (a instanceof DoubleVector x) {
                return againstConstant(x, c, batch.rowCount());
            }
        }
        ColumnVector a = left.evaluate(batch, env);
        // <=> compares nulls too and so takes both sides; the others stop at a null left as Spark's do.
        ColumnVector b = op == ComparisonOp.NULL_SAFE_EQ ? right.evaluate(batch, env)
                : Selection.evaluateWhereNotNull(right, batch, env, a);
        int n = batch.rowCount();
        int[] order = new int[n];
        if (a instanceof LongVector x && b instanceof LongVector y) {
            long[] l = x.values();
            long[] r = y.values();
            for (int i = 0; i < n; i++) {
                order[i] = Long.compare(l[i], r[i]);
            }
        } else if (a instanceof DoubleVector x && b instanceof DoubleVector y) {
            double[] l = x.values();
            double[] r = y.values();
            for (int i = 0; i < n; i++) {
                // Double.compare orders NaN last and equal to itself, but also puts -0.0 below 0.0; Spark does not.
                order[i] = l[i] == r[i] ? 0 : Double.compare(l[i], r[i]);
            }
        } else if (a instanceof BooleanVector x && b instanceof BooleanVector y) {
            for (int i = 0; i < n; i++) {
                order[i] = Boolean.compare(x.getBoolean(i), y.getBoolean(i));
            }
        } else {
            for (int i = 0; i < n; i++) {
                order[i] = a.isNull(i) || b.isNull(i) ? 0 : compareObjects(Values.get(a, i), Values.get(b, i));
            }
        }
        boolean[] out = new boolean[n];
        switch (op) {
            case EQ, NULL_SAFE_EQ -> {
                for (int i = 0; i < n; i++) {
                    out[i] = order[i] == 0;
                }
            }
            case LT -> {
                for (int i = 0; i < n; i++) {
                    out[i] = order[i] < 0;
                }
            }
            case LE -> {
                for (int i = 0; i < n; i++) {
                    out[i] = order[i] <= 0;
                }
            }
            case GT -> {
                for (int i = 0; i < n; i++) {
                    out[i] = order[i] > 0;
                }
            }
            case GE -> {
                for (int i = 0; i < n; i++) {
                    out[i] = order[i] >= 0;
                }
            }
        }
        if (op == ComparisonOp.NULL_SAFE_EQ) {
            if (a.hasNulls() || b.hasNulls()) {
                for (int i = 0; i < n; i++) {
                    boolean x = a.isNull(i);
                    boolean y = b.isNull(i);
                    if (x || y) {
                        out[i] = x && y;
                    }
                }
            }
            return new BooleanVector(out, n, null);
        }
        return new BooleanVector(out, n, Values.orNulls(a, b, n));
    }

    /** {@code column op literal} on doubles in one pass, the shape of {@code Close > 100}. */
    private ColumnVector againstConstant(DoubleVector column, double c, int n) {
        double[] x = column.values();
        boolean[] out = new boolean[n];
        if (!Double.isNaN(c)) {
            // One plain comparison per row, no Double.compare: only NaN, above every number, needs a second test.
            switch (op) {
                case EQ -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = x[i] == c;
                    }
                }
                case LT -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = x[i] < c;
                    }
                }
                case LE -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = x[i] <= c;
                    }
                }
                case GT -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = x[i] > c | x[i] != x[i];
                    }
                }
                case GE -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = x[i] >= c | x[i] != x[i];
                    }
                }
                case NULL_SAFE_EQ -> throw new AssertionError(op);
            }
            return new BooleanVector(out, n, column.nullWords());
        }
        for (int i = 0; i < n; i++) {
            int order = x[i] == c ? 0 : Double.compare(x[i], c);
            out[i] = switch (op) {
                case EQ -> order == 0;
                case LT -> order < 0;
                case LE -> order <= 0;
                case GT -> order > 0;
                case GE -> order >= 0;
                case NULL_SAFE_EQ -> throw new AssertionError(op);
            };
        }
        return new BooleanVector(out, n, column.nullWords());
    }

    /** Two non-null stored values of one type in Spark's order (arrays and structs element by element). */
    static int compareObjects(Object x, Object y) {
        return sluice.engine.types.ValueOrder.compare(x, y);
    }
}
