package sluice.engine.orc;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.LocalTimestamps;

/**
 * The two forms of a long-stored value (see {@link sluice.engine.types.ColumnVector}): the stored long that a batch
 * column holds and the Java object that a nested value holds, for DATE, TIMESTAMP, TIMESTAMP_NTZ, the intervals and
 * the integral types; and timestamps as ORC holds them (epoch milliseconds and the nanoseconds of the second).
 */
final class OrcValues {
    private static final long MICROS = 1_000_000L;

    private OrcValues() {
    }

    static Object external(DataType type, long stored) {
        if (type == AtomicType.INT) {
            return (int) stored;
        } else if (type == AtomicType.TINYINT) {
            return (byte) stored;
        } else if (type == AtomicType.SMALLINT) {
            return (short) stored;
        } else if (type == AtomicType.DATE) {
            return LocalDate.ofEpochDay(stored);
        } else if (type == AtomicType.TIMESTAMP) {
            return Instant.ofEpochSecond(Math.floorDiv(stored, MICROS), Math.floorMod(stored, MICROS) * 1000L);
        } else if (type == AtomicType.TIMESTAMP_NTZ) {
            return LocalTimestamps.of(stored);
        } else if (type == AtomicType.INTERVAL) {
            return Duration.ofSeconds(Math.floorDiv(stored, MICROS), Math.floorMod(stored, MICROS) * 1000L);
        } else if (type == AtomicType.INTERVAL_YEAR_MONTH) {
            return Period.ofMonths((int) stored).normalized();
        }
        return stored;
    }

    static long stored(Object value) {
        if (value instanceof LocalDate date) {
            return date.toEpochDay();
        } else if (value instanceof Instant instant) {
            return instant.getEpochSecond() * MICROS + instant.getNano() / 1000;
        } else if (value instanceof LocalDateTime local) {
            return LocalTimestamps.micros(local);
        } else if (value instanceof Duration duration) {
            return duration.getSeconds() * MICROS + duration.getNano() / 1000;
        } else if (value instanceof Period period) {
            return period.toTotalMonths();
        }
        return ((Number) value).longValue();
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
