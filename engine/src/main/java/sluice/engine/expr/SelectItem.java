package sluice.engine.expr;

import static java.util.Objects.requireNonNull;

/** One item of a select list, compiled: a value per row, or a generator that makes rows. Immutable. */
public sealed interface SelectItem permits SelectItem.Scalar, SelectItem.Generator {
    /** An expression with one value per input row. */
    record Scalar(CompiledExpression expression) implements SelectItem {
        public Scalar {
            requireNonNull(expression, "expression is null");
        }
    }

    /** A generator call, which changes the number of rows. */
    record Generator(CompiledGenerator generator) implements SelectItem {
        public Generator {
            requireNonNull(generator, "generator is null");
        }
    }
}
