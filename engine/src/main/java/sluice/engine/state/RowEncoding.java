package sluice.engine.state;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Bytes;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;
import sluice.engine.types.Field;
import sluice.engine.types.MapType;
import sluice.engine.types.MapValue;
import sluice.engine.types.Row;
import sluice.engine.types.StructType;

/**
 * Sluice's encoding of a state row: for each column a null byte, then the value by its type (longs and doubles as
 * 8 bytes, strings and binary with their length, decimals as unscaled bytes, arrays, maps and structs element by
 * element). Top-level values are as stored in vectors (a Long for every type stored as a long, a Double for FLOAT and
 * DOUBLE); values inside arrays, maps and structs are the Java objects vectors give. A key encoding normalizes
 * floating point values as Spark's NormalizeFloatingNumbers does before grouping (-0.0 is 0.0, one NaN), so equal
 * keys have equal bytes. Immutable; any thread.
 */
public final class RowEncoding {
    private final List<DataType> types;
    private final boolean normalizeFloats;

    private RowEncoding(List<DataType> types, boolean normalizeFloats) {
        this.types = List.copyOf(types);
        this.normalizeFloats = normalizeFloats;
    }

    /** The encoding of grouping keys: floating point values normalized. */
    public static RowEncoding forKeys(List<DataType> types) {
        return new RowEncoding(requireNonNull(types, "types is null"), true);
    }

    /** The encoding of state values, kept exactly. */
    public static RowEncoding forValues(List<DataType> types) {
        return new RowEncoding(requireNonNull(types, "types is null"), false);
    }

    public int width() {
        return types.size();
    }

    /** The bytes of {@code values[from .. from + width)}. */
    public byte[] encode(Object[] values, int from) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * types.size());
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            for (int i = 0; i < types.size(); i++) {
                writeTop(out, types.get(i), values[from + i]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Decodes a row into {@code into[from .. from + width)}; damaged bytes throw IOException. */
    public void decode(byte[] bytes, Object[] into, int from) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes));
        for (int i = 0; i < types.size(); i++) {
            into[from + i] = readTop(in, types.get(i));
        }
        if (in.available() > 0) {
            throw new IOException("a state row has " + in.available() + " bytes more than its columns");
        }
    }

    /** Decodes a key made by this encoding (a damaged one was refused when its file was read). */
    public void decodeKey(StateKey key, Object[] into) {
        try {
            decode(key.bytes(), into, 0);
        } catch (IOException e) {
            throw new IllegalStateException("a state key does not decode", e);
        }
    }

    private void writeTop(DataOutput out, DataType type, Object value) throws IOException {
        out.writeBoolean(value == null);
        if (value == null) {
            return;
        }
        switch (type.storage()) {
            case LONG -> out.writeLong((Long) value);
            case DOUBLE -> out.writeLong(doubleBits((Double) value));
            case BOOLEAN -> out.writeBoolean((Boolean) value);
            case OBJECT -> writeObject(out, type, value);
        }
    }

    private Object readTop(DataInput in, DataType type) throws IOException {
        if (in.readBoolean()) {
            return null;
        }
        return switch (type.storage()) {
            case LONG -> in.readLong();
            case DOUBLE -> Double.longBitsToDouble(in.readLong());
            case BOOLEAN -> in.readBoolean();
            case OBJECT -> readObject(in, type);
        };
    }

    private long doubleBits(double value) {
        if (normalizeFloats && value == 0.0) {
            return 0L;
        }
        // doubleToLongBits gives every NaN one pattern; raw bits keep a value exactly.
        return normalizeFloats ? Double.doubleToLongBits(value) : Double.doubleToRawLongBits(value);
    }

    private void writeObject(DataOutput out, DataType type, Object value) throws IOException {
        if (type == AtomicType.STRING) {
            writeBytes(out, ((String) value).getBytes(StandardCharsets.UTF_8));
        } else if (type == AtomicType.BINARY) {
            writeBytes(out, ((Bytes) value).toArray());
        } else if (type instanceof DecimalType) {
            // The scale is the type's, so the unscaled value is the whole value.
            writeBytes(out, ((BigDecimal) value).unscaledValue().toByteArray());
        } else if (type instanceof ArrayType array) {
            List<?> list = (List<?>) value;
            out.writeInt(list.size());
            for (Object element : list) {
                writeNested(out, array.elementType(), element);
            }
        } else if (type instanceof MapType map) {
            MapValue entries = (MapValue) value;
            out.writeInt(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                writeNested(out, map.keyType(), entries.key(i));
                writeNested(out, map.valueType(), entries.value(i));
            }
        } else if (type instanceof StructType struct) {
            Row row = (Row) value;
            for (int i = 0; i < struct.fields().size(); i++) {
                writeNested(out, struct.fields().get(i).type(), row.get(i));
            }
        } else if (type != AtomicType.NULL) {
            throw new IllegalArgumentException("no object encoding for " + type.simpleString());
        }
    }

    private Object readObject(DataInput in, DataType type) throws IOException {
        if (type == AtomicType.STRING) {
            return new String(readBytes(in), StandardCharsets.UTF_8);
        } else if (type == AtomicType.BINARY) {
            return Bytes.wrap(readBytes(in));
        } else if (type instanceof DecimalType decimal) {
            return new BigDecimal(new BigInteger(readBytes(in)), decimal.scale());
        } else if (type instanceof ArrayType array) {
            int size = readCount(in);
            List<Object> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(readNested(in, array.elementType()));
            }
            return java.util.Collections.unmodifiableList(list);
        } else if (type instanceof MapType map) {
            int size = readCount(in);
            List<Object> keys = new ArrayList<>(size);
            List<Object> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                keys.add(readNested(in, map.keyType()));
                values.add(readNested(in, map.valueType()));
            }
            return new MapValue(keys, values);
        } else if (type instanceof StructType struct) {
            List<Object> fields = new ArrayList<>();
            for (Field field : struct.fields()) {
                fields.add(readNested(in, field.type()));
            }
            return new Row(fields);
        }
        return null;
    }

    /** A value inside an array, map or struct: the Java object a vector gives (Integer, LocalDate, ...). */
    private void writeNested(DataOutput out, DataType type, Object value) throws IOException {
        writeTop(out, type, value == null ? null : toStorage(type, value));
    }

    private Object readNested(DataInput in, DataType type) throws IOException {
        Object stored = readTop(in, type);
        return stored == null ? null : toExternal(type, stored);
    }

    private static Object toStorage(DataType type, Object value) {
        return switch (type.storage()) {
            case LONG -> storedLong(value);
            case DOUBLE -> ((Number) value).doubleValue();
            case BOOLEAN, OBJECT -> value;
        };
    }

    private static long storedLong(Object value) {
        if (value instanceof LocalDate date) {
            return date.toEpochDay();
        } else if (value instanceof Instant instant) {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
        } else if (value instanceof Duration duration) {
            return Math.addExact(Math.multiplyExact(duration.getSeconds(), 1_000_000L), duration.getNano() / 1000);
        } else if (value instanceof java.time.LocalDateTime local) {
            return sluice.engine.types.LocalTimestamps.micros(local);
        } else if (value instanceof java.time.Period period) {
            return period.toTotalMonths();
        }
        return ((Number) value).longValue();
    }

    private static Object toExternal(DataType type, Object stored) {
        if (stored instanceof Long value) {
            if (type == AtomicType.INT) {
                return (int) (long) value;
            } else if (type == AtomicType.TINYINT) {
                return (byte) (long) value;
            } else if (type == AtomicType.SMALLINT) {
                return (short) (long) value;
            } else if (type == AtomicType.DATE) {
                return LocalDate.ofEpochDay(value);
            } else if (type == AtomicType.TIMESTAMP) {
                return Instant.EPOCH.plusSeconds(Math.floorDiv(value, 1_000_000L))
                        .plusNanos(Math.floorMod(value, 1_000_000L) * 1000L);
            } else if (type == AtomicType.TIMESTAMP_NTZ) {
                return sluice.engine.types.LocalTimestamps.of(value);
            } else if (type.isYearMonthInterval()) {
                return java.time.Period.ofMonths((int) (long) value).normalized();
            } else if (type.isDayTimeInterval()) {
                return Duration.ofSeconds(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1000L);
            }
            return value;
        }
        if (stored instanceof Double value && type == AtomicType.FLOAT) {
            return (float) (double) value;
        }
        return stored;
    }

    private static void writeBytes(DataOutput out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInput in) throws IOException {
        byte[] bytes = new byte[readCount(in)];
        in.readFully(bytes);
        return bytes;
    }

    private static int readCount(DataInput in) throws IOException {
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("a negative length " + count);
        }
        return count;
    }
}
