package sluice.engine.orc;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.hive.common.type.HiveDecimal;
import org.apache.hadoop.hive.ql.exec.vector.BytesColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DecimalColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DoubleColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.ListColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.LongColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.MapColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.StructColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.TimestampColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch;
import org.apache.orc.OrcFile;
import org.apache.orc.TypeDescription;
import org.apache.orc.Writer;
import org.apache.orc.impl.PhysicalFsWriter;
import org.apache.orc.impl.writer.WriterEncryptionVariant;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.BooleanVector;
import sluice.engine.types.Bytes;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.DoubleVector;
import sluice.engine.types.LongVector;
import sluice.engine.types.MapType;
import sluice.engine.types.MapValue;
import sluice.engine.types.Row;
import sluice.engine.types.StructType;

/**
 * Writes one batch as one ORC file, as Spark's ORC writer does: Spark's type mapping ({@link OrcTypes}), the chosen
 * codec, ORC's default stripe and row-index settings. The bytes go to a stream the caller owns, so that the file sink
 * can write under a temporary name and rename. Stateless; any thread.
 */
public final class OrcFileWriter {
    private static final int ROWS_PER_BATCH = 1024;

    private OrcFileWriter() {
    }

    /** Writes every row of {@code rows} to {@code out} as an ORC file, and closes {@code out}. */
    public static void write(Batch rows, OrcCodec codec, OutputStream out) throws IOException {
        if (!codec.isAvailable()) {
            throw new IllegalArgumentException("codec " + codec + " is not available");
        }
        TypeDescription schema = OrcTypes.toOrc(rows.schema());
        OrcFile.WriterOptions options = OrcFile.writerOptions(OrcFiles.conf()).setSchema(schema)
                .compress(codec.kind()).fileSystem(OrcFiles.local()).overwrite(true);
        options.physicalWriter(new PhysicalFsWriter(new FSDataOutputStream(out, null), options,
                new WriterEncryptionVariant[0]));
        // ORC's memory manager tells writers apart by path; this one is never opened, the stream above is written.
        org.apache.hadoop.fs.Path name = new org.apache.hadoop.fs.Path("file:/sluice-orc-" + UUID.randomUUID());
        try (Writer writer = OrcFile.createWriter(name, options)) {
            VectorizedRowBatch orc = schema.createRowBatch(ROWS_PER_BATCH);
            for (int from = 0; from < rows.rowCount(); from += ROWS_PER_BATCH) {
                orc.reset();
                int count = Math.min(ROWS_PER_BATCH, rows.rowCount() - from);
                for (int c = 0; c < rows.schema().size(); c++) {
                    fill(orc.cols[c], rows.column(c), from, count);
                }
                orc.size = count;
                writer.addRowBatch(orc);
            }
        }
    }

    private static void fill(org.apache.hadoop.hive.ql.exec.vector.ColumnVector orc, ColumnVector column, int from,
                             int count) {
        orc.ensureSize(count, false);
        DataType type = column.type();
        for (int k = 0; k < count; k++) {
            int row = from + k;
            if (column.isNull(row)) {
                orc.noNulls = false;
                orc.isNull[k] = true;
            } else if (column instanceof LongVector longs) {
                setLong(orc, type, k, longs.getLong(row));
            } else if (column instanceof DoubleVector doubles) {
                ((DoubleColumnVector) orc).vector[k] = doubles.getDouble(row);
            } else if (column instanceof BooleanVector booleans) {
                ((LongColumnVector) orc).vector[k] = booleans.getBoolean(row) ? 1 : 0;
            } else {
                set(orc, type, k, column.get(row));
            }
        }
    }

    private static void setLong(org.apache.hadoop.hive.ql.exec.vector.ColumnVector orc, DataType type, int i,
                                long stored) {
        if (type == AtomicType.TIMESTAMP) {
            TimestampColumnVector timestamps = (TimestampColumnVector) orc;
            timestamps.time[i] = OrcValues.millis(stored);
            timestamps.nanos[i] = OrcValues.nanos(stored);
        } else {
            ((LongColumnVector) orc).vector[i] = stored;
        }
    }

    /** Sets element {@code i} of {@code orc} to a value in the Java form of nested values. */
    private static void set(org.apache.hadoop.hive.ql.exec.vector.ColumnVector orc, DataType type, int i,
                            Object value) {
        if (value == null) {
            orc.noNulls = false;
            orc.isNull[i] = true;
            return;
        }
        orc.isNull[i] = false;
        if (type instanceof ArrayType array) {
            List<?> values = (List<?>) value;
            ListColumnVector list = (ListColumnVector) orc;
            int at = grow(list, values.size());
            list.offsets[i] = at;
            list.lengths[i] = values.size();
            for (int k = 0; k < values.size(); k++) {
                set(list.child, array.elementType(), at + k, values.get(k));
            }
        } else if (type instanceof MapType map) {
            MapValue entries = (MapValue) value;
            MapColumnVector orcMap = (MapColumnVector) orc;
            int at = grow(orcMap, entries.size());
            orcMap.offsets[i] = at;
            orcMap.lengths[i] = entries.size();
            for (int k = 0; k < entries.size(); k++) {
                set(orcMap.keys, map.keyType(), at + k, entries.key(k));
                set(orcMap.values, map.valueType(), at + k, entries.value(k));
            }
        } else if (type instanceof StructType struct) {
            Row row = (Row) value;
            StructColumnVector fields = (StructColumnVector) orc;
            for (int f = 0; f < struct.fields().size(); f++) {
                set(fields.fields[f], struct.fields().get(f).type(), i, row.get(f));
            }
        } else if (type instanceof sluice.engine.types.DecimalType) {
            ((DecimalColumnVector) orc).set(i, HiveDecimal.create((BigDecimal) value));
        } else if (type == AtomicType.STRING) {
            byte[] bytes = ((String) value).getBytes(StandardCharsets.UTF_8);
            ((BytesColumnVector) orc).setRef(i, bytes, 0, bytes.length);
        } else if (type == AtomicType.BINARY) {
            byte[] bytes = ((Bytes) value).toArray();
            ((BytesColumnVector) orc).setRef(i, bytes, 0, bytes.length);
        } else if (type == AtomicType.BOOLEAN) {
            ((LongColumnVector) orc).vector[i] = (Boolean) value ? 1 : 0;
        } else if (type == AtomicType.FLOAT || type == AtomicType.DOUBLE) {
            ((DoubleColumnVector) orc).vector[i] = ((Number) value).doubleValue();
        } else {
            setLong(orc, type, i, ColumnVector.toStoredLong(type, value));
        }
    }

    /** Room for {@code count} more child elements of a list or map; the index of the first. */
    private static int grow(org.apache.hadoop.hive.ql.exec.vector.MultiValuedColumnVector vector, int count) {
        int at = vector.childCount;
        vector.childCount += count;
        if (vector instanceof ListColumnVector list) {
            list.child.ensureSize(vector.childCount, true);
        } else {
            MapColumnVector map = (MapColumnVector) vector;
            map.keys.ensureSize(vector.childCount, true);
            map.values.ensureSize(vector.childCount, true);
        }
        return at;
    }
}
