package sluice.engine.expr.compile;

import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.lex.Span;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;

/**
 * Computes one node of an expression for every row of a batch at once. Immutable; any thread. Row failures raised
 * while computing this node are reported at this node's place in the text.
 */
public abstract class Evaluator {
    private final DataType type;
    private final SourceText source;
    private final Span span;

    Evaluator(DataType type, SourceText source, Span span) {
        this.type = type;
        this.source = source;
        this.span = span;
    }

    final Span span() {
        return span;
    }

    public final DataType type() {
        return type;
    }

    public final ColumnVector evaluate(Batch batch, Env env) {
        try {
            return compute(batch, env);
        } catch (RowFailure failure) {
            throw source.error(failure.code(), span, "%s", failure.getMessage());
        }
    }

    abstract ColumnVector compute(Batch batch, Env env);

    /** The constant value in stored form when this evaluator ignores its input, else {@link #NOT_CONSTANT}. */
    Object constantValue() {
        return NOT_CONSTANT;
    }

    static final Object NOT_CONSTANT = new Object();
}
