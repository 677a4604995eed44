package sluice.engine.expr.compile;

import java.util.List;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.lex.Span;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.BooleanVector;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.NullMask;

/** AND, OR, NOT, IS [NOT] NULL and IN, with SQL's three-valued logic. */
final class LogicEvaluators {
    private LogicEvaluators() {
    }

    /**
     * AND / OR. The right side runs only on rows the left side does not decide, as Spark's short-circuit does, so
     * {@code b <> 0 AND a / b > 1} never divides by zero.
     */
    static final class Logical extends Evaluator {
        private final boolean isAnd;
        private final Evaluator left;
        private final Evaluator right;

        Logical(boolean isAnd, Evaluator left, Evaluator right, SourceText source, Span span) {
            super(AtomicType.BOOLEAN, source, span);
            this.isAnd = isAnd;
            this.left = left;
            this.right = right;
        }

        @Override
        ColumnVector compute(Batch batch, Env env) {
            BooleanVector a = (BooleanVector) left.evaluate(batch, env);
            int n = batch.rowCount();
            int[] open = new int[n];
            int count = 0;
            for (int i = 0; i < n; i++) {
                // A false left decides AND, a true left decides OR.
                if (a.isNull(i) || a.getBoolean(i) == isAnd) {
                    open[count++] = i;
                }
            }
            BooleanVector b = (BooleanVector) Selection.evaluateOn(right, batch, open, count, env);
            boolean[] out = new boolean[n];
            long[] nulls = NullMask.newWords(n);
            boolean anyNull = false;
            int k = 0;
            for (int i = 0; i < n; i++) {
                boolean leftNull = a.isNull(i);
                boolean x = a.getBoolean(i);
                if (!leftNull && x != isAnd) {
                    out[i] = x;
                    continue;
                }
                int row = k++;
                boolean rightNull = b.isNull(row);
                boolean y = b.getBoolean(row);
                if (!rightNull && y != isAnd) {
                    out[i] = y;
                } else if (leftNull || rightNull) {
                    NullMask.set(nulls, i);
                    anyNull = true;
                } else {
                    out[i] = isAnd;
                }
            }
            return new BooleanVector(out, n, anyNull ? nulls : null);
        }
    }

    static final class Not extends Evaluator {
        private final Evaluator operand;

        Not(Evaluator operand, SourceText source, Span span) {
            super(AtomicType.BOOLEAN, source, span);
            this.operand = operand;
        }

        @Override
        ColumnVector compute(Batch batch, Env env) {
            BooleanVector a = (BooleanVector) operand.evaluate(batch, env);
            int n = batch.rowCount();
            boolean[] values = a.values();
            boolean[] out = new boolean[n];
            for (int i = 0; i < n; i++) {
                out[i] = !values[i];
            }
            return new BooleanVector(out, n, a.nullWords());
        }
    }

    static final class IsNull extends Evaluator {
        private final Evaluator operand;
        private final boolean negated;

        IsNull(Evaluator operand, boolean negated, SourceText source, Span span) {
            super(AtomicType.BOOLEAN, source, span);
            this.operand = operand;
            this.negated = negated;
        }

        @Override
        ColumnVector compute(Batch batch, Env env) {
            ColumnVector a = operand.evaluate(batch, env);
            int n = batch.rowCount();
            boolean[] out = new boolean[n];
            for (int i = 0; i < n; i++) {
                out[i] = a.isNull(i) != negated;
            }
            return new BooleanVector(out, n, null);
        }
    }

    /** {@code x IN (list)}: true on a match; else null if x or any list value is null; else false. */
    static final class In extends Evaluator {
        private final Evaluator value;
        private final List<Evaluator> list;

        In(Evaluator value, List<Evaluator> list, SourceText source, Span span) {
            super(AtomicType.BOOLEAN, source, span);
            this.value = value;
            this.list = List.copyOf(list);
        }

        /**
         * Spark's order: the value first, then the list item by item, each only on the rows where the value is not
         * null and no earlier item matched it, so an item's error happens only where Spark evaluates that item.
         */
        @Override
        ColumnVector compute(Batch batch, Env env) {
            ColumnVector a = value.evaluate(batch, env);
            int n = batch.rowCount();
            boolean[] out = new boolean[n];
            boolean[] sawNull = new boolean[n];
            int[] open = new int[n];
            int openCount = 0;
            for (int i = 0; i < n; i++) {
                if (!a.isNull(i)) {
                    open[openCount++] = i;
                }
            }
            for (int j = 0; j < list.size() && openCount > 0; j++) {
                // A column or constant cannot fail: read it whole rather than copy the batch's open rows.
                Evaluator item = list.get(j);
                boolean whole = Selection.isLeaf(item);
                ColumnVector option = whole ? item.evaluate(batch, env)
                        : Selection.evaluateOn(item, batch, open, openCount, env);
                int still = 0;
                for (int k = 0; k < openCount; k++) {
                    int i = open[k];
                    Object y = Values.get(option, whole ? i : k);
                    if (y == null) {
                        sawNull[i] = true;
                    } else if (ComparisonEvaluator.compareObjects(Values.get(a, i), y) == 0) {
                        out[i] = true;
                        continue;
                    }
                    open[still++] = i;
                }
                openCount = still;
            }
            long[] nulls = NullMask.newWords(n);
            boolean anyNull = false;
            for (int i = 0; i < n; i++) {
                if (a.isNull(i) || !out[i] && sawNull[i]) {
                    NullMask.set(nulls, i);
                    anyNull = true;
                }
            }
            return new BooleanVector(out, n, anyNull ? nulls : null);
        }
    }
}
