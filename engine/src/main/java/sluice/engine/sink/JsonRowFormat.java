package sluice.engine.sink;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Bytes;
import sluice.engine.types.Batch;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;
import sluice.engine.types.Field;
import sluice.engine.types.MapType;
import sluice.engine.types.MapValue;
import sluice.engine.types.Row;
import sluice.engine.types.StructType;
import sluice.engine.types.ValueText;

/**
 * Spark's JSON writer: one object per line (ending in {@code lineSep}, in the charset of {@code encoding}), numbers
 * as Jackson writes them, dates and timestamps as text in the
 * write formats, and null fields left out unless {@code ignoreNullFields} is false. Immutable.
 */
public record JsonRowFormat(boolean ignoreNullFields, String dateFormat, String timestampFormat,
                            String timestampNTZFormat, String lineSep, Charset charset) implements RowFormat {
    private static final JsonFactory JSON = new JsonFactory();

    public JsonRowFormat {
        requireNonNull(dateFormat, "dateFormat is null");
        requireNonNull(timestampFormat, "timestampFormat is null");
        requireNonNull(timestampNTZFormat, "timestampNTZFormat is null");
        requireNonNull(lineSep, "lineSep is null");
        requireNonNull(charset, "charset is null");
        if (lineSep.isEmpty()) {
            throw new IllegalArgumentException("lineSep is empty");
        }
    }

    /** Lines ending in a line feed in UTF-8, as Spark writes them without {@code lineSep} and {@code encoding}. */
    public JsonRowFormat(boolean ignoreNullFields, String dateFormat, String timestampFormat,
                         String timestampNTZFormat) {
        this(ignoreNullFields, dateFormat, timestampFormat, timestampNTZFormat, TextRowFormat.DEFAULT_LINE_SEP,
                StandardCharsets.UTF_8);
    }

    public static JsonRowFormat defaults() {
        return new JsonRowFormat(true, CsvRowFormat.DEFAULT_DATE_FORMAT, CsvRowFormat.DEFAULT_TIMESTAMP_FORMAT,
                CsvRowFormat.DEFAULT_TIMESTAMP_NTZ_FORMAT);
    }

    @Override
    public String name() {
        return "json";
    }

    @Override
    public boolean writesEmptyFile() {
        return true;
    }

    @Override
    public void write(Batch rows, ZoneId zone, OutputStream out) throws IOException {
        Writing writing = new Writing(WritePattern.formatter(dateFormat),
                WritePattern.formatter(timestampFormat).withZone(zone), WritePattern.formatter(timestampNTZFormat));
        // Spark's JSON writer encodes through a writer in the charset; Jackson writes UTF-8 bytes itself.
        try (JsonGenerator json = charset.equals(StandardCharsets.UTF_8) ? JSON.createGenerator(out, JsonEncoding.UTF8)
                : JSON.createGenerator(new java.io.OutputStreamWriter(out, charset))) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.setRootValueSeparator(null);
            StructType struct = rows.schema().toStructType();
            for (int r = 0; r < rows.rowCount(); r++) {
                writing.struct(json, struct, rows.row(r));
                json.writeRaw(lineSep);
            }
        }
    }

    /** A map key as Spark writes the field name: a DATE as its day number, a TIMESTAMP in microseconds. */
    private static String mapKey(DataType type, Object key) {
        if (key instanceof LocalDate date) {
            return Long.toString(date.toEpochDay());
        } else if (key instanceof Instant instant) {
            return Long.toString(Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
                    instant.getNano() / 1000));
        } else if (key instanceof java.time.LocalDateTime local) {
            return Long.toString(sluice.engine.types.LocalTimestamps.micros(local));
        } else if (key instanceof Duration duration) {
            return Long.toString(duration.toNanos() / 1000);
        } else if (type.isComplex() || key instanceof Bytes) {
            return ValueText.of(type, key, java.time.ZoneOffset.UTC);
        }
        return key.toString();
    }

    /** The formatters of one write. */
    private final class Writing {
        private final DateTimeFormatter dates;
        private final DateTimeFormatter timestamps;
        private final DateTimeFormatter localTimestamps;

        Writing(DateTimeFormatter dates, DateTimeFormatter timestamps, DateTimeFormatter localTimestamps) {
            this.dates = dates;
            this.timestamps = timestamps;
            this.localTimestamps = localTimestamps;
        }

        void struct(JsonGenerator json, StructType type, Row row) throws IOException {
            json.writeStartObject();
            List<Field> fields = type.fields();
            for (int i = 0; i < fields.size(); i++) {
                Object value = row.get(i);
                if (value == null && ignoreNullFields) {
                    continue;
                }
                json.writeFieldName(fields.get(i).name());
                value(json, fields.get(i).type(), value);
            }
            json.writeEndObject();
        }

        void value(JsonGenerator json, DataType type, Object value) throws IOException {
            if (value == null) {
                json.writeNull();
            } else if (type == AtomicType.BOOLEAN) {
                json.writeBoolean((Boolean) value);
            } else if (type == AtomicType.INT || type == AtomicType.SMALLINT || type == AtomicType.TINYINT) {
                json.writeNumber(((Number) value).intValue());
            } else if (type == AtomicType.BIGINT) {
                json.writeNumber(((Number) value).longValue());
            } else if (type == AtomicType.FLOAT) {
                json.writeNumber(((Number) value).floatValue());
            } else if (type == AtomicType.DOUBLE) {
                json.writeNumber(((Number) value).doubleValue());
            } else if (type instanceof DecimalType) {
                json.writeNumber((BigDecimal) value);
            } else if (type == AtomicType.DATE) {
                json.writeString(dates.format((LocalDate) value));
            } else if (type == AtomicType.TIMESTAMP) {
                json.writeString(timestamps.format((Instant) value));
            } else if (type == AtomicType.TIMESTAMP_NTZ) {
                json.writeString(localTimestamps.format((java.time.LocalDateTime) value));
            } else if (type.isInterval()) {
                json.writeString(ValueText.interval(type, value));
            } else if (type == AtomicType.BINARY) {
                // Spark's JacksonGenerator: writeBinary, base64 in Jackson's default variant.
                json.writeBinary(((Bytes) value).toArray());
            } else if (type instanceof ArrayType array) {
                json.writeStartArray();
                for (Object element : (List<?>) value) {
                    value(json, array.elementType(), element);
                }
                json.writeEndArray();
            } else if (type instanceof MapType map) {
                // Spark's JacksonGenerator: an object, each key named by its internal value's text, null values kept.
                MapValue entries = (MapValue) value;
                json.writeStartObject();
                for (int i = 0; i < entries.size(); i++) {
                    json.writeFieldName(mapKey(map.keyType(), entries.key(i)));
                    value(json, map.valueType(), entries.value(i));
                }
                json.writeEndObject();
            } else if (type instanceof StructType struct) {
                struct(json, struct, (Row) value);
            } else {
                json.writeString(value.toString());
            }
        }
    }
}
