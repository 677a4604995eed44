package sluice.engine.expr.compile;

/** A function on one row of stored values; the simple unit behind the row-at-a-time {@link CallEvaluator}. */
@FunctionalInterface
interface Kernel {
    Object apply(Object[] args, Env env);
}
