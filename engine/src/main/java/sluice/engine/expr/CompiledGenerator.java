package sluice.engine.expr;

import java.util.BitSet;
import java.util.List;
import sluice.engine.expr.compile.GeneratedRows;
import sluice.engine.types.Batch;
import sluice.engine.types.Field;

/**
 * A type-checked generator call (explode, posexplode, inline, stack, json_tuple and the outer forms), the whole of one
 * select item: it turns each input row into zero or more rows of {@link #output()} columns. Immutable; any thread.
 */
public interface CompiledGenerator {
    /** Spark's text of the call, such as {@code explode(tags)}, for messages. */
    String sql();

    /** The columns it makes, named by Spark's defaults (col, pos, key, value, c0 ...) or the user's aliases. */
    List<Field> output();

    /**
     * The rows every input row gives, in input order. Runtime errors of the arguments throw a SluiceException
     * positioned at the failing sub-expression.
     */
    GeneratedRows generate(Batch input, EvalContext context);

    /** The indexes of the input columns its arguments read. */
    BitSet referencedColumns();
}
