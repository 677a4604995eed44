package sluice.engine.expr.compile;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import sluice.engine.types.AtomicType;
import sluice.engine.types.BooleanVector;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.DoubleVector;
import sluice.engine.types.LongVector;
import sluice.engine.types.NullMask;
import sluice.engine.types.ObjectVector;
import sluice.engine.types.VectorBuilder;

/**
 * Moves single values in and out of vectors in stored form (Long for every long-stored type, Double for FLOAT and
 * DOUBLE) for the row-at-a-time kernels, and converts to the Java form used inside arrays and structs. Stateless.
 */
final class Values {
    private Values() {
    }

    static Object get(ColumnVector vector, int row) {
        if (vector.isNull(row)) {
            return null;
        }
        if (vector instanceof LongVector longs) {
            return longs.getLong(row);
        } else if (vector instanceof DoubleVector doubles) {
            return doubles.getDouble(row);
        } else if (vector instanceof BooleanVector booleans) {
            return booleans.getBoolean(row);
        } else if (vector instanceof ObjectVector objects) {
            return objects.values()[row];
        }
        throw new AssertionError(vector);
    }

    static void append(VectorBuilder builder, Object stored) {
        if (stored == null) {
            builder.appendNull();
            return;
        }
        switch (builder.type().storage()) {
            case LONG -> builder.appendLong((Long) stored);
            case DOUBLE -> builder.appendDouble((Double) stored);
            case BOOLEAN -> builder.appendBoolean((Boolean) stored);
            case OBJECT -> builder.appendObject(stored);
        }
    }

    /** A vector of {@code size} copies of one stored value. */
    static ColumnVector repeat(DataType type, Object stored, int size) {
        if (stored == null) {
            return ColumnVector.nulls(type, size);
        }
        switch (type.storage()) {
            case LONG -> {
                long[] values = new long[size];
                java.util.Arrays.fill(values, (Long) stored);
                return new LongVector(type, values, size, null);
            }
            case DOUBLE -> {
                double[] values = new double[size];
                java.util.Arrays.fill(values, (Double) stored);
                return new DoubleVector(type, values, size, null);
            }
            case BOOLEAN -> {
                boolean[] values = new boolean[size];
                java.util.Arrays.fill(values, (Boolean) stored);
                return new BooleanVector(values, size, null);
            }
            case OBJECT -> {
                Object[] values = new Object[size];
                java.util.Arrays.fill(values, stored);
                return new ObjectVector(type, values, size, null);
            }
        }
        throw new AssertionError(type);
    }

    /** The Java form inside arrays and structs (see ColumnVector#get) of a stored value. */
    static Object toExternal(DataType type, Object stored) {
        if (stored == null) {
            return null;
        }
        if (type == AtomicType.INT) {
            return ((Long) stored).intValue();
        } else if (type == AtomicType.TINYINT) {
            return ((Long) stored).byteValue();
        } else if (type == AtomicType.SMALLINT) {
            return ((Long) stored).shortValue();
        } else if (type == AtomicType.FLOAT) {
            return ((Double) stored).floatValue();
        } else if (type == AtomicType.DATE) {
            return LocalDate.ofEpochDay((Long) stored);
        } else if (type == AtomicType.TIMESTAMP) {
            long micros = (Long) stored;
            return Instant.EPOCH.plusSeconds(Math.floorDiv(micros, 1_000_000L))
                    .plusNanos(Math.floorMod(micros, 1_000_000L) * 1000L);
        } else if (type == AtomicType.TIMESTAMP_NTZ) {
            return sluice.engine.types.LocalTimestamps.of((Long) stored);
        } else if (type.isYearMonthInterval()) {
            return java.time.Period.ofMonths(((Long) stored).intValue()).normalized();
        } else if (type.isDayTimeInterval()) {
            long micros = (Long) stored;
            return Duration.ofSeconds(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
        }
        return stored;
    }

    /** The stored form of a Java value taken out of an array or struct. */
    static Object toStored(DataType type, Object external) {
        if (external == null) {
            return null;
        }
        if (external instanceof Integer || external instanceof Short || external instanceof Byte) {
            return ((Number) external).longValue();
        } else if (external instanceof Float f) {
            return (double) f;
        } else if (external instanceof LocalDate date) {
            return date.toEpochDay();
        } else if (external instanceof Instant instant) {
            return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
        } else if (external instanceof java.time.LocalDateTime local) {
            return sluice.engine.types.LocalTimestamps.micros(local);
        } else if (external instanceof java.time.Period period) {
            return period.toTotalMonths();
        } else if (external instanceof Duration duration) {
            return duration.getSeconds() * 1_000_000L + duration.getNano() / 1000;
        }
        return external;
    }

    static List<Object> externalList(DataType element, List<?> stored) {
        List<Object> values = new ArrayList<>(stored.size());
        for (Object value : stored) {
            values.add(toExternal(element, value));
        }
        return java.util.Collections.unmodifiableList(values);
    }

    /** The union of two null bitmaps of {@code size} rows, or null when neither has nulls. */
    static long[] orNulls(ColumnVector a, ColumnVector b, int size) {
        long[] x = a.nullWords();
        long[] y = b.nullWords();
        if (x == null && y == null) {
            return null;
        }
        long[] words = NullMask.newWords(size);
        for (int i = 0; i < words.length; i++) {
            words[i] = (x == null || i >= x.length ? 0 : x[i]) | (y == null || i >= y.length ? 0 : y[i]);
        }
        return words;
    }
}
