package sluice.engine.expr;

import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;

/** An expression checked against an input schema and ready to evaluate over whole batches. Immutable, thread-safe. */
public interface CompiledExpression {
    String name();

    DataType type();

    boolean nullable();

    ColumnVector evaluate(Batch input, EvalContext context);
}
