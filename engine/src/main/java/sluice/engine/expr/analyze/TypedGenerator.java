package sluice.engine.expr.analyze;

import static java.util.Objects.requireNonNull;

import java.util.List;
import sluice.engine.types.Field;

/**
 * A generator call with its arguments typed and coerced, and the columns it makes for each of its rows, named by
 * Spark's defaults or the user's aliases. {@code rows} is stack's row count (0 for the other generators).
 * Made by {@link Generators}, compiled by the expression compiler. Immutable.
 */
public record TypedGenerator(GeneratorFunction function, List<Typed> args, List<Field> output, int rows,
        String sql) {
    public TypedGenerator {
        requireNonNull(function, "function is null");
        args = List.copyOf(args);
        output = List.copyOf(output);
        requireNonNull(sql, "sql is null");
    }
}
