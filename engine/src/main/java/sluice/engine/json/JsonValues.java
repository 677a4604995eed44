package sluice.engine.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text to plain values and back. A value is a {@code Map<String, Object>} (in document order), a
 * {@code List<Object>}, a String, a Long, BigInteger or Double, a Boolean, or null.
 */
public final class JsonValues {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonFactory UNIQUE_KEYS = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private JsonValues() {
    }

    /** Parses one JSON document; syntax errors carry Jackson's line and column. */
    public static Object parse(String text) throws JsonProcessingException {
        return parse(FACTORY, text);
    }

    /**
     * Parses one JSON document written by a person, in which a key given twice in one object is an error (with its
     * line and column) instead of the last value silently winning.
     */
    public static Object parseWithUniqueKeys(String text) throws JsonProcessingException {
        return parse(UNIQUE_KEYS, text);
    }

    private static Object parse(JsonFactory factory, String text) throws JsonProcessingException {
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return null;
            }
            Object value = read(parser);
            if (parser.nextToken() != null) {
                throw new com.fasterxml.jackson.core.JsonParseException(parser,
                        "unexpected content after the end of the document");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object read(JsonParser parser) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.put(name, read(parser));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser));
                }
                return array;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? parser.getBigIntegerValue() : (Object) parser.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return parser.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new com.fasterxml.jackson.core.JsonParseException(parser,
                    "unexpected " + parser.currentToken());
        }
    }

    /** The value as JSON text; {@code pretty} indents it as Jackson's default pretty printer does. */
    public static String write(Object value, boolean pretty) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            if (pretty) {
                generator.useDefaultPrettyPrinter();
            }
            write(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                generator.writeFieldName(String.valueOf(entry.getKey()));
                write(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object element : list) {
                write(generator, element);
            }
            generator.writeEndArray();
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value instanceof Double number) {
            generator.writeNumber(number);
        } else if (value instanceof Long number) {
            generator.writeNumber(number);
        } else if (value instanceof Integer number) {
            generator.writeNumber(number);
        } else if (value instanceof java.math.BigInteger number) {
            generator.writeNumber(number);
        } else if (value instanceof RawJson raw) {
            generator.writeRawValue(raw.text());
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    /** JSON text embedded as it is (an offset, which is already JSON). */
    public record RawJson(String text) {}

    /** The object's field as text (numbers and booleans as their JSON text), or {@code fallback}. */
    public static String text(Map<String, Object> object, String field, String fallback) {
        Object value = object.get(field);
        return value == null ? fallback : scalarText(value);
    }

    /**
     * A scalar's text as Jackson's {@code asText} gives it: {@code 60} for a whole number, {@code 1.5}, {@code true}.
     */
    public static String scalarText(Object value) {
        return String.valueOf(value);
    }

    public static long number(Map<String, Object> object, String field, long fallback) {
        Object value = object.get(field);
        return value instanceof Number number ? number.longValue() : fallback;
    }

    public static double decimal(Map<String, Object> object, String field, double fallback) {
        Object value = object.get(field);
        return value instanceof Number number ? number.doubleValue() : fallback;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : null;
    }
}
