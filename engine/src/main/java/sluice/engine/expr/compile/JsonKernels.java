package sluice.engine.expr.compile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import sluice.engine.csv.TemporalParser;
import sluice.engine.expr.analyze.DateTimeText;
import sluice.engine.expr.analyze.Typed;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Bytes;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;
import sluice.engine.types.Field;
import sluice.engine.types.LocalTimestamps;
import sluice.engine.types.MapType;
import sluice.engine.types.MapValue;
import sluice.engine.types.Row;
import sluice.engine.types.StructType;
import sluice.engine.types.ValueText;

/**
 * from_json and to_json, on structs, arrays and maps (a map read from JSON has STRING keys). from_json is PERMISSIVE
 * as Spark's default: malformed JSON gives a struct of nulls and a value of the wrong kind gives a null field. to_json
 * leaves null fields out. Stateless.
 */
final class JsonKernels {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonKernels() {
    }

    /** Spark's default {@code timestampNTZFormat} for writing; reading without the option parses as a cast. */
    private static final DateTimeFormatter LOCAL_TIMESTAMP_WRITE = DateTimeFormatter.ofPattern(
            "yyyy-MM-dd'T'HH:mm:ss[.SSS]", java.util.Locale.US);
    /** Spark's default reading of TIMESTAMP_NTZ text: as a cast, but text with a zone is no wall-clock time. */
    private static final TemporalParser LOCAL_TIMESTAMP_READ = TemporalParser.of(null, null, ZoneOffset.UTC);

    /**
     * The datetime patterns of from_json's and to_json's options (the map(...) of constant strings at {@code index}
     * of {@code args}, checked when typed); null for Spark's defaults.
     */
    record Formats(DateTimeFormatter date, DateTimeFormatter timestamp, DateTimeFormatter localTimestamp) {
        static final Formats DEFAULT = new Formats(null, null, null);
    }

    static Formats formats(List<Typed> args, int index) {
        if (args.size() <= index) {
            return Formats.DEFAULT;
        }
        List<Typed> parts = ((Typed.Call) args.get(index)).args();
        DateTimeFormatter date = null;
        DateTimeFormatter timestamp = null;
        DateTimeFormatter localTimestamp = null;
        for (int i = 0; i + 1 < parts.size(); i += 2) {
            String key = (String) ((Typed.Constant) parts.get(i)).value();
            String pattern = (String) ((Typed.Constant) parts.get(i + 1)).value();
            // A later key wins, as in Spark's options map; names are not case-sensitive.
            if (key.equalsIgnoreCase("dateFormat")) {
                date = DateTimePatterns.formatter(pattern);
            } else if (key.equalsIgnoreCase("timestampFormat")) {
                timestamp = DateTimePatterns.formatter(pattern);
            } else if (key.equalsIgnoreCase("timestampNTZFormat")) {
                localTimestamp = DateTimePatterns.formatter(pattern);
            }
        }
        return new Formats(date, timestamp, localTimestamp);
    }

    static Kernel fromJson(StructType schema, Formats formats) {
        return (a, e) -> {
            JsonNode node;
            try {
                node = MAPPER.readTree((String) a[0]);
            } catch (JsonProcessingException ex) {
                node = null;
            }
            if (node == null || !node.isObject()) {
                return new Row(Collections.nCopies(schema.fields().size(), null));
            }
            try {
                return (Row) read(node, schema, e.zone(), formats);
            } catch (BrokenRecord broken) {
                return new Row(Collections.nCopies(schema.fields().size(), null));
            }
        };
    }

    /** Spark's parser lost its place inside the record (see {@link JsonBase64#breaksRecord}): every field is null. */
    private static final class BrokenRecord extends RuntimeException {
        BrokenRecord() {
            super(null, null, false, false);
        }
    }

    /** The Java form (as inside rows and lists) of a JSON value read as {@code type}, or null. */
    private static Object read(JsonNode node, DataType type, ZoneId zone, Formats formats) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (type instanceof StructType struct) {
            if (!node.isObject()) {
                return null;
            }
            List<Object> values = new ArrayList<>();
            for (Field field : struct.fields()) {
                values.add(read(node.get(field.name()), field.type(), zone, formats));
            }
            return new Row(values);
        } else if (type instanceof ArrayType array) {
            if (!node.isArray()) {
                return null;
            }
            List<Object> values = new ArrayList<>();
            node.forEach(element -> values.add(read(element, array.elementType(), zone, formats)));
            return Collections.unmodifiableList(values);
        } else if (type instanceof MapType map) {
            if (!node.isObject() || map.keyType() != AtomicType.STRING) {
                return null;
            }
            List<Object> keys = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            node.fields().forEachRemaining(entry -> {
                keys.add(entry.getKey());
                values.add(read(entry.getValue(), map.valueType(), zone, formats));
            });
            return new MapValue(keys, values);
        } else if (type == AtomicType.STRING) {
            return node.isTextual() ? node.asText() : node.toString();
        } else if (type == AtomicType.BOOLEAN) {
            return node.isBoolean() ? node.asBoolean() : null;
        } else if (type == AtomicType.TINYINT) {
            // Jackson's getByteValue, which Spark calls, takes -128 to 255 and wraps 128 to 255 to negative bytes.
            return node.isIntegralNumber() && node.canConvertToInt() && node.intValue() >= Byte.MIN_VALUE
                    && node.intValue() <= 255 ? (Object) (byte) node.intValue() : null;
        } else if (type == AtomicType.SMALLINT) {
            return node.isIntegralNumber() && node.canConvertToInt() && node.intValue() >= Short.MIN_VALUE
                    && node.intValue() <= Short.MAX_VALUE ? (Object) (short) node.intValue() : null;
        } else if (type == AtomicType.BINARY) {
            if (!node.isTextual()) {
                return null;
            }
            Bytes bytes = JsonBase64.decode(node.asText());
            if (bytes == null && JsonBase64.breaksRecord(node.asText())) {
                throw new BrokenRecord();
            }
            return bytes;
        } else if (type == AtomicType.INT) {
            return node.canConvertToInt() && node.isIntegralNumber() ? node.intValue() : null;
        } else if (type == AtomicType.BIGINT) {
            return node.canConvertToLong() && node.isIntegralNumber() ? node.longValue() : null;
        } else if (type == AtomicType.DOUBLE || type == AtomicType.FLOAT) {
            Double d = node.isNumber() ? node.doubleValue() : null;
            return d == null ? null : type == AtomicType.FLOAT ? (Object) d.floatValue() : d;
        } else if (type instanceof DecimalType decimal) {
            if (!node.isNumber()) {
                return null;
            }
            BigDecimal value = node.decimalValue().setScale(decimal.scale(), java.math.RoundingMode.HALF_UP);
            return value.precision() - value.scale() > decimal.precision() - decimal.scale() ? null : value;
        } else if (type == AtomicType.DATE && node.isTextual() && formats.date() != null) {
            return Values.toExternal(type, parse(node.asText(), formats.date(), zone, true));
        } else if (type == AtomicType.TIMESTAMP && node.isTextual() && formats.timestamp() != null) {
            return Values.toExternal(type, parse(node.asText(), formats.timestamp(), zone, false));
        } else if (type == AtomicType.DATE && node.isTextual()) {
            Long days = DateTimeText.parseDate(node.asText());
            if (days == null) {
                long legacy = TemporalParser.legacyJsonDays(node.asText());
                days = legacy == TemporalParser.INVALID ? null : legacy;
            }
            return Values.toExternal(type, days);
        } else if (type == AtomicType.TIMESTAMP && node.isTextual()) {
            return Values.toExternal(type, DateTimeText.parseTimestamp(node.asText(), zone));
        } else if (type == AtomicType.TIMESTAMP_NTZ && node.isTextual()) {
            return Values.toExternal(type, localTimestamp(node.asText(), formats.localTimestamp()));
        }
        return null;
    }

    /**
     * TIMESTAMP_NTZ text read by {@code timestampNTZFormat}, or as Spark reads it without one; null when it does not
     * read or names a zone (Spark's JSON reader takes no zone for a wall-clock time).
     */
    private static Long localTimestamp(String text, DateTimeFormatter formatter) {
        if (formatter == null) {
            long micros = LOCAL_TIMESTAMP_READ.parseLocalTimestamp(text);
            return micros == TemporalParser.INVALID ? null : micros;
        }
        try {
            TemporalAccessor parsed = formatter.parse(text);
            if (parsed.query(TemporalQueries.zone()) != null) {
                return null;
            }
            return LocalTimestamps.micros(DateTimePatterns.toLocal(parsed));
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    /**
     * Text read by a datetime pattern as a timestamp's microseconds or a date's day number, or null when the pattern
     * does not read it: with a pattern of its own Spark's JSON reader falls back on no other parsing.
     */
    private static Long parse(String text, DateTimeFormatter formatter, ZoneId zone, boolean date) {
        TemporalAccessor parsed;
        LocalDateTime local;
        try {
            parsed = formatter.parse(text);
            local = DateTimePatterns.toLocal(parsed);
        } catch (DateTimeException e) {
            return null;
        }
        if (date) {
            return local.toLocalDate().toEpochDay();
        }
        ZoneId effective = parsed.query(TemporalQueries.zone());
        Instant instant = local.atZone(effective == null ? zone : effective).toInstant();
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
    }

    /**
     * A map key as Spark's JSON writer names the field: the text of its internal value, so a DATE key is its day
     * number and a TIMESTAMP key its microseconds, as Spark writes them.
     */
    static String mapKey(DataType type, Object key, ZoneId zone) {
        Object stored = Values.toStored(type, key);
        if (type instanceof StructType struct) {
            // Spark names it by its row's toString: [field,field], each field by its internal value.
            StringBuilder text = new StringBuilder("[");
            Row row = (Row) key;
            for (int i = 0; i < struct.fields().size(); i++) {
                Object field = row.get(i);
                text.append(i == 0 ? "" : ",").append(field == null ? "null"
                        : mapKey(struct.fields().get(i).type(), field, zone));
            }
            return text.append(']').toString();
        }
        if (type.isComplex() || type == AtomicType.BINARY) {
            return ValueText.of(type, key, zone);
        }
        return stored instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(stored);
    }

    static Kernel toJson(DataType type, Formats formats) {
        return (a, e) -> write(Values.toExternal(type, a[0]), type, e.zone(), formats).toString();
    }

    private static JsonNode write(Object value, DataType type, ZoneId zone, Formats formats) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value == null) {
            return nodes.nullNode();
        }
        if (type instanceof StructType struct) {
            ObjectNode object = nodes.objectNode();
            Row row = (Row) value;
            for (int i = 0; i < struct.fields().size(); i++) {
                if (row.get(i) != null) {
                    Field field = struct.fields().get(i);
                    object.set(field.name(), write(row.get(i), field.type(), zone, formats));
                }
            }
            return object;
        } else if (type instanceof ArrayType array) {
            ArrayNode list = nodes.arrayNode();
            for (Object element : (List<?>) value) {
                list.add(write(element, array.elementType(), zone, formats));
            }
            return list;
        } else if (type instanceof MapType map) {
            ObjectNode object = nodes.objectNode();
            MapValue entries = (MapValue) value;
            for (int i = 0; i < entries.size(); i++) {
                object.set(mapKey(map.keyType(), entries.key(i), zone),
                        write(entries.value(i), map.valueType(), zone, formats));
            }
            return object;
        } else if (value instanceof Boolean b) {
            return nodes.booleanNode(b);
        } else if (value instanceof Byte b) {
            return nodes.numberNode(b);
        } else if (value instanceof Short h) {
            return nodes.numberNode(h);
        } else if (value instanceof Bytes bytes) {
            // Spark writes binary with Jackson's writeBinary: base64 in Jackson's default variant.
            return nodes.binaryNode(bytes.toArray());
        } else if (value instanceof Integer i) {
            return nodes.numberNode(i);
        } else if (value instanceof Long l) {
            return nodes.numberNode(l);
        } else if (value instanceof Double d) {
            return nodes.numberNode(d);
        } else if (value instanceof Float f) {
            return nodes.numberNode(f);
        } else if (value instanceof BigDecimal d) {
            return nodes.numberNode(d);
        } else if (value instanceof Instant instant && formats.timestamp() != null) {
            return nodes.textNode(formats.timestamp().format(instant.atZone(zone)));
        } else if (value instanceof LocalDate date && formats.date() != null) {
            return nodes.textNode(formats.date().format(date));
        } else if (value instanceof LocalDateTime local) {
            return nodes.textNode((formats.localTimestamp() == null ? LOCAL_TIMESTAMP_WRITE : formats.localTimestamp())
                    .format(local));
        } else if (value instanceof Instant instant) {
            // Spark's default JSON timestampFormat: yyyy-MM-dd'T'HH:mm:ss[.SSS]XXX in the session zone.
            return nodes.textNode(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
                    .format(instant.atZone(zone)));
        }
        return nodes.textNode(ValueText.of(type, value, zone));
    }
}
