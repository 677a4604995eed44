package sluice.engine.expr.compile;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import sluice.engine.expr.analyze.DateTimeText;
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

    static Kernel fromJson(StructType schema) {
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
            return (Row) read(node, schema, e.zone());
        };
    }

    /** The Java form (as inside rows and lists) of a JSON value read as {@code type}, or null. */
    private static Object read(JsonNode node, DataType type, ZoneId zone) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (type instanceof StructType struct) {
            if (!node.isObject()) {
                return null;
            }
            List<Object> values = new ArrayList<>();
            for (Field field : struct.fields()) {
                values.add(read(node.get(field.name()), field.type(), zone));
            }
            return new Row(values);
        } else if (type instanceof ArrayType array) {
            if (!node.isArray()) {
                return null;
            }
            List<Object> values = new ArrayList<>();
            node.forEach(element -> values.add(read(element, array.elementType(), zone)));
            return Collections.unmodifiableList(values);
        } else if (type instanceof MapType map) {
            if (!node.isObject() || map.keyType() != AtomicType.STRING) {
                return null;
            }
            List<Object> keys = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            node.fields().forEachRemaining(entry -> {
                keys.add(entry.getKey());
                values.add(read(entry.getValue(), map.valueType(), zone));
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
            return node.isTextual() ? base64(node.asText()) : null;
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
        } else if (type == AtomicType.DATE && node.isTextual()) {
            return Values.toExternal(type, DateTimeText.parseDate(node.asText()));
        } else if (type == AtomicType.TIMESTAMP && node.isTextual()) {
            return Values.toExternal(type, DateTimeText.parseTimestamp(node.asText(), zone));
        }
        return null;
    }

    /** A JSON string as Spark's JSON reader takes binary: base64 as Jackson decodes it; null when it is not. */
    private static Bytes base64(String text) {
        try {
            return Bytes.of(Base64Variants.getDefaultVariant().decode(text));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A map key as Spark's JSON writer names the field: the text of its internal value, so a DATE key is its day
     * number and a TIMESTAMP key its microseconds, as Spark writes them.
     */
    static String mapKey(DataType type, Object key, ZoneId zone) {
        Object stored = Values.toStored(type, key);
        if (type.isComplex() || type == AtomicType.BINARY) {
            return ValueText.of(type, key, zone);
        }
        return String.valueOf(stored);
    }

    static Kernel toJson(DataType type) {
        return (a, e) -> write(Values.toExternal(type, a[0]), type, e.zone()).toString();
    }

    private static JsonNode write(Object value, DataType type, ZoneId zone) {
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
                    object.set(field.name(), write(row.get(i), field.type(), zone));
                }
            }
            return object;
        } else if (type instanceof ArrayType array) {
            ArrayNode list = nodes.arrayNode();
            for (Object element : (List<?>) value) {
                list.add(write(element, array.elementType(), zone));
            }
            return list;
        } else if (type instanceof MapType map) {
            ObjectNode object = nodes.objectNode();
            MapValue entries = (MapValue) value;
            for (int i = 0; i < entries.size(); i++) {
                object.set(mapKey(map.keyType(), entries.key(i), zone), write(entries.value(i), map.valueType(), zone));
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
        } else if (value instanceof java.time.Instant instant) {
            // Spark's default JSON timestampFormat: yyyy-MM-dd'T'HH:mm:ss[.SSS]XXX in the session zone.
            return nodes.textNode(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
                    .format(instant.atZone(zone)));
        }
        return nodes.textNode(ValueText.of(type, value, zone));
    }
}
