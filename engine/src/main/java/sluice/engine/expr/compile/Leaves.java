package sluice.engine.expr.compile;

import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.lex.Span;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;

/** The leaves of an evaluator tree: input columns and constants. */
final class Leaves {
    private Leaves() {
    }

    static final class ColumnEvaluator extends Evaluator {
        private final int index;

        ColumnEvaluator(int index, DataType type, SourceText source, Span span) {
            super(type, source, span);
            this.index = index;
        }

        @Override
        ColumnVector compute(Batch batch, Env env) {
            return batch.column(index);
        }
    }

    /**
     * A literal. Operators with a scalar path read {@link #constantValue()} and never ask for a vector; for the
     * others the repeated vector is kept and reused while batches have the same size (vectors are read-only).
     */
    static final class ConstantEvaluator extends Evaluator {
        private final Object value;
        private volatile ColumnVector cached;

        ConstantEvaluator(Object value, DataType type, SourceText source, Span span) {
            super(type, source, span);
            this.value = value;
        }

        @Override
        ColumnVector compute(Batch batch, Env env) {
            ColumnVector vector = cached;
            if (vector == null || vector.size() != batch.rowCount()) {
                vector = Values.repeat(type(), value, batch.rowCount());
                cached = vector;
            }
            return vector;
        }

        @Override
        Object constantValue() {
            return value;
        }
    }
}
