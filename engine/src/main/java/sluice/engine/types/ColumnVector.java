package sluice.engine.types;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One column of a batch: values in a primitive array chosen by {@link DataType#storage()}, plus a null bitmap
 * ({@code null} when no row is null). Immutable once built; read by any thread.
 */
public abstract sealed class ColumnVector permits LongVector, DoubleVector, BooleanVector, ObjectVector {
    private final DataType type;
    private final int size;
    private final long[] nulls;

    ColumnVector(DataType type, int size, long[] nulls) {
        this.type = requireNonNull(type, "type is null");
        this.size = size;
        this.nulls = nulls;
    }

    public final DataType type() {
        return type;
    }

    public final int size() {
        return size;
    }

    public final boolean isNull(int row) {
        return nulls != null && NullMask.get(nulls, row);
    }

    public final boolean hasNulls() {
        return nulls != null;
    }

    /** The null bitmap, or null when no row is null. Callers must not modify it. */
    public final long[] nullWords() {
        return nulls;
    }

    /** The value at {@code row} as a Java object (see {@link #toExternal}), or null. */
    public abstract Object get(int row);

    /** A new vector holding the rows at {@code rows[0..count)} in that order. */
    public abstract ColumnVector select(int[] rows, int count);

    /** A new vector holding rows {@code [from, to)}. */
    public abstract ColumnVector slice(int from, int to);

    /** A vector of {@code size} nulls of the given type. */
    public static ColumnVector nulls(DataType type, int size) {
        long[] words = NullMask.newWords(size);
        java.util.Arrays.fill(words, 0, size >>> 6, -1L);
        if ((size & 63) != 0) {
            words[size >>> 6] = (1L << size) - 1;
        }
        return switch (type.storage()) {
            case LONG -> new LongVector(type, new long[size], size, words);
            case DOUBLE -> new DoubleVector(type, new double[size], size, words);
            case BOOLEAN -> new BooleanVector(new boolean[size], size, words);
            case OBJECT -> new ObjectVector(type, new Object[size], size, words);
        };
    }

    /**
     * The Java object for a stored value: TINYINT as Byte, SMALLINT as Short, INT as Integer, BIGINT as Long, FLOAT
     * as Float, DOUBLE as Double, DATE as LocalDate, TIMESTAMP as Instant, TIMESTAMP_NTZ as
     * LocalDateTime, INTERVAL as Duration; strings, binary
     * ({@link Bytes}), decimals, arrays (lists), maps ({@link MapValue}) and structs ({@link Row}) as they are.
     */
    public static Object toExternal(DataType type, long value) {
        if (type == AtomicType.INT) {
            return (int) value;
        } else if (type == AtomicType.TINYINT) {
            return (byte) value;
        } else if (type == AtomicType.SMALLINT) {
            return (short) value;
        } else if (type == AtomicType.DATE) {
            return LocalDate.ofEpochDay(value);
        } else if (type == AtomicType.TIMESTAMP) {
            return Instant.EPOCH.plusSeconds(Math.floorDiv(value, 1_000_000L))
                    .plusNanos(Math.floorMod(value, 1_000_000L) * 1000L);
        } else if (type == AtomicType.TIMESTAMP_NTZ) {
            return LocalTimestamps.of(value);
        } else if (type.isYearMonthInterval()) {
            // Spark's monthsToPeriod: whole years and the months left.
            return java.time.Period.ofMonths((int) value).normalized();
        } else if (type.isDayTimeInterval()) {
            return Duration.ofSeconds(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1000L);
        }
        return value;
    }

    /** The stored long for an external DATE, TIMESTAMP, INTERVAL or integral value. */
    public static long toStoredLong(DataType type, Object value) {
        if (value instanceof LocalDate date) {
            return date.toEpochDay();
        } else if (value instanceof java.time.LocalDateTime local) {
            return LocalTimestamps.micros(local);
        } else if (value instanceof java.time.Period period) {
            return period.toTotalMonths();
        } else if (value instanceof Instant instant) {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
        } else if (value instanceof Duration duration) {
            return Math.addExact(Math.multiplyExact(duration.getSeconds(), 1_000_000L), duration.getNano() / 1000);
        } else if (value instanceof Number number) {
            return number.longValue();
        }
        throw new IllegalArgumentException("not a " + type.simpleString() + " value: " + value);
    }

    /** {@code value}, checked to be of the Java class a vector of {@code type} holds; throws when it is not. */
    public static Object checkObject(DataType type, Object value) {
        if (type instanceof AtomicType) {
            if (type == AtomicType.BINARY && !(value instanceof Bytes)) {
                throw new IllegalArgumentException("not a binary value: " + value);
            }
        } else if (type instanceof DecimalType decimal) {
            if (value instanceof BigDecimal big && big.scale() != decimal.scale()) {
                throw new IllegalArgumentException("decimal " + big + " does not have scale " + decimal.scale());
            }
        } else if (type instanceof ArrayType && !(value instanceof java.util.List) || type instanceof MapType
                && !(value instanceof MapValue) || type instanceof StructType && !(value instanceof Row)) {
            throw new IllegalArgumentException("not a " + type.simpleString() + " value: " + value);
        }
        return value;
    }
}
