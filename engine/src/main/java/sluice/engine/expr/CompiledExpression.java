package sluice.engine.expr;

import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;

/** A type-checked expression ready to evaluate over batches. Immutable; any thread may evaluate it. */
public interface CompiledExpression {
    /** The alias, or Spark's generated column name such as {@code (High - Low)} or {@code upper(message)}. */
    String name();

    DataType type();

    boolean nullable();

    /**
     * The value for every row of {@code input}. Runtime errors (ANSI division by zero, overflow, invalid cast) throw
     * a SluiceException positioned at the failing sub-expression, with Spark's error-class message.
     */
    ColumnVector evaluate(Batch input, EvalContext context);

    /**
     * Evaluates the constant parts of this expression that Spark's optimizer folds while it plans each micro-batch
     * (see {@link sluice.engine.expr.analyze.FoldedParts}); one that fails throws the SluiceException its rows would
     * throw, so the batch fails even when it has no rows, as in Spark.
     */
    void foldConstants(EvalContext context);

    /**
     * The name of the input column this expression is, when it is a bare reference to one ({@code ts}, {@code ts AS
     * t}), or the window column of {@code window_time(window)}, else null: a new name for an event-time column keeps
     * its watermark, as Spark's alias keeps the metadata, and so does a window's event time.
     */
    default String columnName() {
        return null;
    }

    /** The indexes of the input columns this expression reads (for column pruning). */
    java.util.BitSet referencedColumns();
}
