package sluice.engine.orc;

import java.math.BigDecimal;

/**
 * Values as ORC holds them: timestamps as epoch milliseconds and the nanoseconds of the second, and decimals. The two
 * forms of a long-stored value are {@link sluice.engine.types.ColumnVector}'s.
 */
final class OrcValues {
    private static final long MICROS = 1_000_000L;

    private OrcValues() {
    }

    /** Microseconds of an ORC timestamp: epoch milliseconds, and the nanoseconds within their second. */
    static long micros(long millis, int nanos) {
        return Math.floorDiv(millis, 1000L) * MICROS + nanos / 1000;
    }

    static long millis(long micros) {
        return Math.floorDiv(micros, 1000L);
    }

    static int nanos(long micros) {
        return (int) Math.floorMod(micros, MICROS) * 1000;
    }

    static BigDecimal decimal(BigDecimal value, int scale) {
        return value.setScale(scale, java.math.RoundingMode.UNNECESSARY);
    }
}
