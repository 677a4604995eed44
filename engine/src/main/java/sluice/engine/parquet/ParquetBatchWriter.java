package sluice.engine.parquet;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.BooleanVector;
import sluice.engine.types.Bytes;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;
import sluice.engine.types.DoubleVector;
import sluice.engine.types.Field;
import sluice.engine.types.LocalTimestamps;
import sluice.engine.types.LongVector;
import sluice.engine.types.MapType;
import sluice.engine.types.MapValue;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;
import sluice.engine.types.StructType;

/**
 * Writes a batch as one Parquet file laid out as Spark 4.1's writer lays it out (see {@link ParquetSchemas}): Spark's
 * schema in the row metadata, its version, dictionary encoding, Parquet format 1 pages, the chosen codec. Immutable;
 * each {@link #write} works on the calling thread.
 */
public final class ParquetBatchWriter {
    /** The version written as the writer's: Spark reads files of 3.0 and later without rebasing old dates. */
    private static final String SPARK_VERSION = "4.1.1";

    private final ParquetCodec codec;
    /** How large a row group grows before the next starts: parquet-mr's default, 128 MB, as Spark writes. */
    private final long rowGroupBytes;

    private ParquetBatchWriter(ParquetCodec codec, long rowGroupBytes) {
        this.codec = codec;
        this.rowGroupBytes = rowGroupBytes;
    }

    /** The writer for {@code codec}, one Sluice can write with ({@link ParquetCodec#isAvailable}). */
    public static ParquetBatchWriter of(ParquetCodec codec) {
        if (!codec.isAvailable()) {
            throw new IllegalArgumentException("codec " + codec + " is not available");
        }
        return new ParquetBatchWriter(codec, ParquetWriter.DEFAULT_BLOCK_SIZE);
    }

    /** This writer starting a new row group every {@code bytes} (files of several row groups, for tests). */
    public ParquetBatchWriter withRowGroupSize(long bytes) {
        return new ParquetBatchWriter(codec, bytes);
    }

    /** The codec it compresses with. */
    public ParquetCodec codec() {
        return codec;
    }

    /** Writes every row of {@code rows} to {@code out} as one Parquet file; {@code out} is left open. */
    public void write(Batch rows, OutputStream out) throws IOException {
        HadoopLogging.quiet();
        MessageType parquet = ParquetSchemas.toParquet(rows.schema());
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(ParquetSchemas.SPARK_VERSION_KEY, SPARK_VERSION);
        metadata.put(ParquetSchemas.ROW_METADATA_KEY, ParquetSchemas.toJson(rows.schema()));
        BatchWriteSupport support = new BatchWriteSupport(rows, parquet, metadata);
        try (ParquetWriter<Integer> writer = new Builder(new StreamFile(out), support)
                .withCompressionCodec(codec.codec())
                .withRowGroupSize(rowGroupBytes)
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
                .withDictionaryEncoding(true)
                .withConf(new Configuration(false))
                .build()) {
            for (int r = 0; r < rows.rowCount(); r++) {
                writer.write(r);
            }
        }
    }

    private static final class Builder extends ParquetWriter.Builder<Integer, Builder> {
        private final BatchWriteSupport support;

        Builder(OutputFile file, BatchWriteSupport support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Integer> getWriteSupport(Configuration conf) {
            return support;
        }
    }

    /** The rows of one batch, each written by its index. */
    private static final class BatchWriteSupport extends WriteSupport<Integer> {
        private final Batch rows;
        private final MessageType parquet;
        private final Map<String, String> metadata;
        private final List<Field> fields;
        private RecordConsumer out;

        BatchWriteSupport(Batch rows, MessageType parquet, Map<String, String> metadata) {
            this.rows = rows;
            this.parquet = parquet;
            this.metadata = metadata;
            this.fields = rows.schema().fields();
        }

        @Override
        public WriteContext init(Configuration configuration) {
            return new WriteContext(parquet, metadata);
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            out = recordConsumer;
        }

        @Override
        public void write(Integer boxed) {
            int row = boxed;
            out.startMessage();
            for (int c = 0; c < fields.size(); c++) {
                ColumnVector column = rows.column(c);
                if (column.isNull(row)) {
                    continue;
                }
                String name = fields.get(c).name();
                out.startField(name, c);
                if (column instanceof LongVector longs) {
                    writeLong(column.type(), longs.getLong(row));
                } else if (column instanceof DoubleVector doubles) {
                    if (column.type() == AtomicType.FLOAT) {
                        out.addFloat((float) doubles.getDouble(row));
                    } else {
                        out.addDouble(doubles.getDouble(row));
                    }
                } else if (column instanceof BooleanVector booleans) {
                    out.addBoolean(booleans.getBoolean(row));
                } else {
                    writeValue(column.type(), column.get(row));
                }
                out.endField(name, c);
            }
            out.endMessage();
        }

        private void writeLong(DataType type, long value) {
            if (type == AtomicType.BIGINT || type == AtomicType.TIMESTAMP_NTZ) {
                out.addLong(value);
            } else if (type == AtomicType.TIMESTAMP) {
                out.addBinary(Int96.of(value));
            } else {
                out.addInteger((int) value);
            }
        }

        private void writeValue(DataType type, Object value) {
            if (type instanceof DecimalType decimal) {
                BigDecimal number = (BigDecimal) value;
                if (decimal.precision() <= 9) {
                    out.addInteger(number.unscaledValue().intValueExact());
                } else if (decimal.precision() <= 18) {
                    out.addLong(number.unscaledValue().longValueExact());
                } else {
                    out.addBinary(Binary.fromConstantByteArray(fixedBytes(number,
                            ParquetSchemas.decimalBytes(decimal.precision()))));
                }
            } else if (type instanceof StructType struct) {
                Row row = (Row) value;
                out.startGroup();
                for (int f = 0; f < struct.fields().size(); f++) {
                    Object field = row.get(f);
                    if (field != null) {
                        String name = struct.fields().get(f).name();
                        out.startField(name, f);
                        writeValue(struct.fields().get(f).type(), field);
                        out.endField(name, f);
                    }
                }
                out.endGroup();
            } else if (type instanceof ArrayType array) {
                List<?> elements = (List<?>) value;
                out.startGroup();
                if (!elements.isEmpty()) {
                    out.startField("list", 0);
                    for (Object element : elements) {
                        out.startGroup();
                        if (element != null) {
                            out.startField("element", 0);
                            writeValue(array.elementType(), element);
                            out.endField("element", 0);
                        }
                        out.endGroup();
                    }
                    out.endField("list", 0);
                }
                out.endGroup();
            } else if (type instanceof MapType map) {
                MapValue entries = (MapValue) value;
                out.startGroup();
                if (entries.size() > 0) {
                    out.startField("key_value", 0);
                    for (int e = 0; e < entries.size(); e++) {
                        out.startGroup();
                        out.startField("key", 0);
                        writeValue(map.keyType(), entries.key(e));
                        out.endField("key", 0);
                        if (entries.value(e) != null) {
                            out.startField("value", 1);
                            writeValue(map.valueType(), entries.value(e));
                            out.endField("value", 1);
                        }
                        out.endGroup();
                    }
                    out.endField("key_value", 0);
                }
                out.endGroup();
            } else {
                writeAtomic((AtomicType) type, value);
            }
        }

        private void writeAtomic(AtomicType type, Object value) {
            switch (type) {
                case BOOLEAN -> out.addBoolean((Boolean) value);
                case TINYINT, SMALLINT, INT -> out.addInteger(((Number) value).intValue());
                case BIGINT -> out.addLong(((Number) value).longValue());
                case FLOAT -> out.addFloat(((Number) value).floatValue());
                case DOUBLE -> out.addDouble(((Number) value).doubleValue());
                case STRING -> out.addBinary(Binary.fromString((String) value));
                case BINARY -> out.addBinary(Binary.fromConstantByteArray(((Bytes) value).toArray()));
                case DATE -> out.addInteger((int) ((LocalDate) value).toEpochDay());
                case TIMESTAMP -> {
                    java.time.Instant instant = (java.time.Instant) value;
                    out.addBinary(Int96.of(Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
                            instant.getNano() / 1000)));
                }
                case TIMESTAMP_NTZ -> out.addLong(LocalTimestamps.micros((java.time.LocalDateTime) value));
                case NULL, INTERVAL, INTERVAL_DAY, INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE, INTERVAL_HOUR,
                        INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND, INTERVAL_MINUTE, INTERVAL_MINUTE_SECOND,
                        INTERVAL_SECOND,
                        INTERVAL_YEAR_MONTH, INTERVAL_YEAR, INTERVAL_MONTH -> throw new IllegalArgumentException(
                        "Parquet has no type for " + type.sql());
            }
        }
    }

    /** The unscaled value as a big-endian two's complement integer of exactly {@code length} bytes. */
    private static byte[] fixedBytes(BigDecimal value, int length) {
        byte[] bytes = value.unscaledValue().toByteArray();
        byte[] fixed = new byte[length];
        byte sign = (byte) (value.signum() < 0 ? -1 : 0);
        int pad = length - bytes.length;
        for (int i = 0; i < length; i++) {
            fixed[i] = i < pad ? sign : bytes[i - pad];
        }
        return fixed;
    }

    /** The output stream of an atomic file write as the file parquet-mr writes; it counts the position itself. */
    private static final class StreamFile implements OutputFile {
        private final OutputStream out;

        StreamFile(OutputStream out) {
            this.out = out;
        }

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                private long position;

                @Override
                public long getPos() {
                    return position;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    position++;
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                    position += length;
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    // The atomic file write closes the stream after its rename.
                    out.flush();
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }
    }
}
