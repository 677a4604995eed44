package sluice.engine.runtime;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneId;
import sluice.engine.sink.MemoryTables;

/**
 * What queries run against: where console sinks print, the memory sinks' tables, the clock, the session time zone,
 * and how many partitions run at once (Spark's {@code local[N]}). Immutable; one per command line run or workbench.
 */
public record EngineEnvironment(PrintStream console, MemoryTables memory, Clock clock, ZoneId zone,
                                int parallelism) {
    public EngineEnvironment {
        requireNonNull(console, "console is null");
        requireNonNull(memory, "memory is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(zone, "zone is null");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
    }

    /** The same environment with another clock (a test's manual clock). */
    public EngineEnvironment withClock(Clock other) {
        return new EngineEnvironment(console, memory, other, zone, parallelism);
    }

    /** Standard output, a fresh set of memory tables, the system clock and zone, one task per core. */
    public static EngineEnvironment standard(PrintStream console) {
        return new EngineEnvironment(console, new MemoryTables(), Clock.systemUTC(), ZoneId.systemDefault(),
                Runtime.getRuntime().availableProcessors());
    }
}
