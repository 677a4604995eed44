package sluice.engine.expr.compile;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The random generators of one task, that is one partition of a micro-batch. A random function starts its generator
 * at the first rows it sees in the task and draws on from it for every later chunk of the partition's rows, as
 * Spark's rand keeps one generator per expression for a whole task: a partition read in several chunks gets the
 * numbers it would get read at once. Mutable; owned by the task (its methods lock, in case a context is shared).
 */
public final class TaskGenerators {
    private final Map<Object, XorShiftRandom> started = new IdentityHashMap<>();

    /** The generator of {@code function} in this task, started with {@code seed} when the function first draws. */
    synchronized XorShiftRandom of(Object function, long seed) {
        return started.computeIfAbsent(function, f -> new XorShiftRandom(seed));
    }
}
