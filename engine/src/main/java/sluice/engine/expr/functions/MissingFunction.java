package sluice.engine.expr.functions;

import static java.util.Objects.requireNonNull;

/** A function of Spark 4.1 that Sluice does not have, with Spark's group and the reason. */
public record MissingFunction(String name, FunctionGroup group, String reason) {
    public MissingFunction {
        requireNonNull(name, "name is null");
        requireNonNull(group, "group is null");
        requireNonNull(reason, "reason is null");
    }
}
