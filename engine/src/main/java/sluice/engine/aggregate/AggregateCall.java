package sluice.engine.aggregate;

import static java.util.Objects.requireNonNull;

import java.util.List;
import sluice.engine.expr.CompiledExpression;

/**
 * One aggregation of a {@code transform.aggregate}: its output column's name (the alias, or Spark's generated name
 * such as {@code avg(Close)} or {@code count(1)}), the function, and its compiled arguments. Immutable.
 */
public record AggregateCall(String name, AggregateFunction function, List<CompiledExpression> arguments) {
    public AggregateCall {
        requireNonNull(name, "name is null");
        requireNonNull(function, "function is null");
        arguments = List.copyOf(arguments);
    }
}
