package sluice.engine.types;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * TIMESTAMP_NTZ values between their stored form (microseconds of the wall clock read as UTC, Spark's own layout) and
 * {@link LocalDateTime}, which is the Java form Spark's rows hold. Stateless.
 */
public final class LocalTimestamps {
    private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

    private LocalTimestamps() {
    }

    public static LocalDateTime of(long micros) {
        // Counted in microseconds: year 1's are beyond a long of nanoseconds.
        return EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    /** The stored microseconds; an ArithmeticException past a long's range. */
    public static long micros(LocalDateTime local) {
        long seconds = local.toEpochSecond(ZoneOffset.UTC);
        return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), local.getNano() / 1000);
    }
}
