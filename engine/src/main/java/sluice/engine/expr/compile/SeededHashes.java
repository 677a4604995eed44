package sluice.engine.expr.compile;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Bytes;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;
import sluice.engine.types.Row;
import sluice.engine.types.StructType;

/**
 * Spark's {@code hash} (32-bit Murmur3, seed 42) and {@code xxhash64} (64-bit xxHash, seed 42) of row values. Each
 * argument is hashed with the previous argument's hash as its seed, a null leaves the seed as it is, and a value is
 * hashed as Spark lays it out: integral types up to INT and DATE as 4 little-endian bytes, BIGINT, TIMESTAMP and
 * intervals as 8, floating point as its IEEE bits (-0.0 as 0), a decimal of up to 18 digits as its unscaled long
 * (else the big-endian bytes of the unscaled integer), strings as UTF-8, arrays and structs element by element.
 * Stateless.
 */
final class SeededHashes {
    static final int SEED = 42;

    /** The hash of bytes under a seed: Murmur3 or xxHash64. */
    private interface ByteHash {
        long hash(byte[] bytes, long seed);
    }

    private SeededHashes() {
    }

    static int murmur3(Object[] values, List<DataType> types) {
        return (int) fold(values, types, SEED, Murmur3::hash);
    }

    static long xxHash64(Object[] values, List<DataType> types) {
        return fold(values, types, SEED, XxHash64::hash);
    }

    private static long fold(Object[] values, List<DataType> types, long seed, ByteHash function) {
        long hash = seed;
        for (int i = 0; i < values.length; i++) {
            hash = value(values[i], types.get(i), hash, function);
        }
        return hash;
    }

    /** {@code stored}: the value in stored form (a Long for every integral, date and time type). */
    private static long value(Object stored, DataType type, long seed, ByteHash function) {
        if (stored == null || type == AtomicType.NULL) {
            return seed;
        } else if (type == AtomicType.BOOLEAN) {
            return function.hash(ints((Boolean) stored ? 1 : 0), seed);
        } else if (type == AtomicType.TINYINT || type == AtomicType.SMALLINT || type == AtomicType.INT
                || type == AtomicType.DATE) {
            return function.hash(ints(((Long) stored).intValue()), seed);
        } else if (type.storage() == DataType.Storage.LONG) {
            return function.hash(longs((Long) stored), seed);
        } else if (type == AtomicType.FLOAT) {
            float f = (float) (double) (Double) stored;
            return function.hash(ints(f == 0.0f ? 0 : Float.floatToIntBits(f)), seed);
        } else if (type == AtomicType.DOUBLE) {
            double d = (Double) stored;
            return function.hash(longs(d == 0.0d ? 0L : Double.doubleToLongBits(d)), seed);
        } else if (type instanceof DecimalType decimal) {
            BigDecimal value = (BigDecimal) stored;
            return function.hash(decimal.precision() <= 18 ? longs(value.unscaledValue().longValue())
                    : value.unscaledValue().toByteArray(), seed);
        } else if (type == AtomicType.STRING) {
            return function.hash(((String) stored).getBytes(StandardCharsets.UTF_8), seed);
        } else if (type == AtomicType.BINARY) {
            return function.hash(((Bytes) stored).toArray(), seed);
        } else if (type instanceof ArrayType array) {
            long hash = seed;
            for (Object item : (List<?>) stored) {
                hash = value(Values.toStored(array.elementType(), item), array.elementType(), hash, function);
            }
            return hash;
        } else if (type instanceof StructType struct) {
            Row row = (Row) stored;
            long hash = seed;
            for (int i = 0; i < row.size(); i++) {
                DataType field = struct.fields().get(i).type();
                hash = value(Values.toStored(field, row.get(i)), field, hash, function);
            }
            return hash;
        }
        throw new IllegalStateException("no hash for type " + type);
    }

    private static byte[] ints(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }

    private static byte[] longs(long value) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
    }
}
