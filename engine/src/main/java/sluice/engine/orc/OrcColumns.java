package sluice.engine.orc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.hive.ql.exec.vector.BytesColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DecimalColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DoubleColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.ListColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.LongColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.MapColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.StructColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.TimestampColumnVector;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Bytes;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;
import sluice.engine.types.DoubleVector;
import sluice.engine.types.LongVector;
import sluice.engine.types.MapType;
import sluice.engine.types.MapValue;
import sluice.engine.types.Row;
import sluice.engine.types.StructType;
import sluice.engine.types.VectorBuilder;

/**
 * Reads ORC's column vectors (hive-storage-api) into Sluice's: a batch column of a Spark type from the ORC vector
 * the reader filled for it. ORC marks a vector {@code isRepeating} when one value stands for every row, and keeps
 * nulls in {@code isNull} unless {@code noNulls}. Stateless.
 */
final class OrcColumns {
    /** Slots of the string memo of {@link #strings}: a power of two. */
    private static final int STRING_MEMO = 256;

    private OrcColumns() {
    }

    /** The first {@code size} rows of {@code orc} as a column of {@code type}. */
    static ColumnVector read(org.apache.hadoop.hive.ql.exec.vector.ColumnVector orc, DataType type, int size) {
        if (orc.noNulls && !orc.isRepeating) {
            // The common case without nulls: the values as they are, copied in one go.
            if (orc instanceof LongColumnVector longs && type.storage() == DataType.Storage.LONG) {
                return new LongVector(type, Arrays.copyOf(longs.vector, size), size, null);
            } else if (orc instanceof DoubleColumnVector doubles && type == AtomicType.DOUBLE) {
                return new DoubleVector(type, Arrays.copyOf(doubles.vector, size), size, null);
            }
        }
        if (type == AtomicType.STRING && orc instanceof BytesColumnVector bytes) {
            return strings(bytes, size);
        }
        VectorBuilder column = new VectorBuilder(type, size);
        for (int row = 0; row < size; row++) {
            int i = orc.isRepeating ? 0 : row;
            if (!orc.noNulls && orc.isNull[i]) {
                column.appendNull();
            } else if (type == AtomicType.TIMESTAMP) {
                TimestampColumnVector timestamps = (TimestampColumnVector) orc;
                column.appendLong(OrcValues.micros(timestamps.time[i], timestamps.nanos[i]));
            } else if (type.storage() == DataType.Storage.LONG) {
                column.appendLong(((LongColumnVector) orc).vector[i]);
            } else if (type.storage() == DataType.Storage.DOUBLE) {
                column.appendDouble(((DoubleColumnVector) orc).vector[i]);
            } else if (type.storage() == DataType.Storage.BOOLEAN) {
                column.appendBoolean(((LongColumnVector) orc).vector[i] != 0);
            } else {
                column.appendObject(value(orc, type, i));
            }
        }
        return column.build();
    }

    /**
     * A STRING column. A dictionary-encoded ORC column (what ORC writes for a column of few distinct values) hands
     * every row that holds a value the same bytes of the stripe's dictionary: the rows of this batch share one String
     * per distinct (buffer, start, length), found in a small direct-mapped memo, instead of decoding those bytes again
     * on every row. The memo lives for this batch only: ORC reuses a buffer from one batch to the next.
     */
    private static ColumnVector strings(BytesColumnVector bytes, int size) {
        VectorBuilder column = new VectorBuilder(AtomicType.STRING, size);
        byte[][] buffers = new byte[STRING_MEMO][];
        int[] starts = new int[STRING_MEMO];
        int[] lengths = new int[STRING_MEMO];
        String[] strings = new String[STRING_MEMO];
        for (int row = 0; row < size; row++) {
            int i = bytes.isRepeating ? 0 : row;
            if (!bytes.noNulls && bytes.isNull[i]) {
                column.appendNull();
                continue;
            }
            byte[] buffer = bytes.vector[i];
            int start = bytes.start[i];
            int length = bytes.length[i];
            int slot = (start * 31 + length) & (STRING_MEMO - 1);
            String value = strings[slot];
            if (value == null || buffers[slot] != buffer || starts[slot] != start || lengths[slot] != length) {
                value = new String(buffer, start, length, StandardCharsets.UTF_8);
                buffers[slot] = buffer;
                starts[slot] = start;
                lengths[slot] = length;
                strings[slot] = value;
            }
            column.appendObject(value);
        }
        return column.build();
    }

    /** The value of element {@code row} in the Java form of nested values, or null. */
    private static Object value(org.apache.hadoop.hive.ql.exec.vector.ColumnVector orc, DataType type, int row) {
        int i = orc.isRepeating ? 0 : row;
        if (!orc.noNulls && orc.isNull[i]) {
            return null;
        }
        if (type instanceof DecimalType decimal) {
            return OrcValues.decimal(((DecimalColumnVector) orc).vector[i].getHiveDecimal().bigDecimalValue(),
                    decimal.scale());
        } else if (type instanceof ArrayType array) {
            ListColumnVector list = (ListColumnVector) orc;
            List<Object> values = new ArrayList<>((int) list.lengths[i]);
            for (long k = 0; k < list.lengths[i]; k++) {
                values.add(value(list.child, array.elementType(), (int) (list.offsets[i] + k)));
            }
            return java.util.Collections.unmodifiableList(values);
        } else if (type instanceof MapType map) {
            MapColumnVector entries = (MapColumnVector) orc;
            List<Object> keys = new ArrayList<>((int) entries.lengths[i]);
            List<Object> values = new ArrayList<>((int) entries.lengths[i]);
            for (long k = 0; k < entries.lengths[i]; k++) {
                int at = (int) (entries.offsets[i] + k);
                keys.add(value(entries.keys, map.keyType(), at));
                values.add(value(entries.values, map.valueType(), at));
            }
            return new MapValue(keys, values);
        } else if (type instanceof StructType struct) {
            StructColumnVector fields = (StructColumnVector) orc;
            List<Object> values = new ArrayList<>(struct.fields().size());
            for (int f = 0; f < struct.fields().size(); f++) {
                values.add(value(fields.fields[f], struct.fields().get(f).type(), i));
            }
            return new Row(values);
        }
        return atomic(orc, (AtomicType) type, i);
    }

    private static Object atomic(org.apache.hadoop.hive.ql.exec.vector.ColumnVector orc, AtomicType type, int i) {
        switch (type.storage()) {
            case BOOLEAN:
                return ((LongColumnVector) orc).vector[i] != 0;
            case DOUBLE:
                double value = ((DoubleColumnVector) orc).vector[i];
                return type == AtomicType.FLOAT ? (Object) (float) value : (Object) value;
            case LONG:
                if (type == AtomicType.TIMESTAMP) {
                    TimestampColumnVector timestamps = (TimestampColumnVector) orc;
                    return ColumnVector.toExternal(type, OrcValues.micros(timestamps.time[i], timestamps.nanos[i]));
                }
                return ColumnVector.toExternal(type, ((LongColumnVector) orc).vector[i]);
            default:
                BytesColumnVector bytes = (BytesColumnVector) orc;
                if (type == AtomicType.BINARY) {
                    return Bytes.wrap(Arrays.copyOfRange(bytes.vector[i], bytes.start[i],
                            bytes.start[i] + bytes.length[i]));
                }
                return new String(bytes.vector[i], bytes.start[i], bytes.length[i], StandardCharsets.UTF_8);
        }
    }
}
