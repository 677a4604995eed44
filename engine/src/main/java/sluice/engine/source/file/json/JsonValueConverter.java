package sluice.engine.source.file.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sluice.engine.csv.DecimalText;
import sluice.engine.csv.TemporalParser;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Bytes;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;
import sluice.engine.types.Field;
import sluice.engine.types.IntervalText;
import sluice.engine.types.LocalTimestamps;
import sluice.engine.types.MapType;
import sluice.engine.types.MapValue;
import sluice.engine.types.Row;
import sluice.engine.types.StructType;

/**
 * Mutable, owned by the thread reading one file: converts the JSON value under a parser to a value of a column's
 * type as Spark's {@code JacksonParser} does. Numbers go to numeric columns only (a JSON string {@code "12"} is no
 * INT), any value goes to a STRING column (non-strings as their exact text in the file), a BINARY column takes a base64
 * string, an empty string is malformed for every type but STRING and BINARY, and a TIMESTAMP may be a number of
 * seconds. Results are Java objects of {@link sluice.engine.types.ColumnVector#get}; on a mismatch it skips the value
 * and returns {@link #FAILED}, and {@link #failure()} says why.
 */
final class JsonValueConverter {
    static final Object FAILED = new Object();

    private final TemporalParser temporal;
    private final boolean allowNonNumericNumbers;
    private final Map<StructType, Map<String, Integer>> fieldIndexes = new HashMap<>();
    private String failure;
    private byte[] source;
    private int sourceStart;

    JsonValueConverter(TemporalParser temporal, boolean allowNonNumericNumbers) {
        this.temporal = temporal;
        this.allowNonNumericNumbers = allowNonNumericNumbers;
    }

    /**
     * The bytes the next parsers read, from {@code start} on: a parser's byte offsets count from there. A STRING
     * column takes a value that is not a string as its exact text in these bytes.
     */
    void readFrom(byte[] bytes, int start) {
        this.source = bytes;
        this.sourceStart = start;
    }

    /** Why the last {@link #FAILED} happened. */
    String failure() {
        return failure;
    }

    /**
     * The value of the field whose name is under {@code parser}, as {@link #convert}, read from the next token (or
     * the current one if it is a value, as Spark's {@code parseJsonToken}); a
     * value the parser cannot read (a string holding bytes that are not UTF-8, a broken nested value) is
     * {@link #FAILED} too. Spark's JacksonParser catches such a failure per field and array element and reads on
     * from wherever Jackson stopped, so the fields after it may still fit, or the object may break at the next token.
     */
    Object convertField(JsonParser parser, DataType type, String column) throws IOException {
        return convertCaught(parser, true, type, column);
    }

    /** The array element under {@code parser}, as {@link #convertField}. */
    private Object convertElement(JsonParser parser, DataType type, String column) throws IOException {
        return convertCaught(parser, false, type, column);
    }

    private Object convertCaught(JsonParser parser, boolean field, DataType type, String column)
            throws IOException {
        try {
            if (field && parser.currentToken() == JsonToken.FIELD_NAME) {
                parser.nextToken();
            }
            return convert(parser, type, column);
        } catch (JsonProcessingException e) {
            failure = e.getOriginalMessage();
            parser.skipChildren();
            return FAILED;
        }
    }

    /** The value under {@code parser} (its current token) as {@code type}; null for JSON null. */
    Object convert(JsonParser parser, DataType type, String column) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (type == AtomicType.STRING) {
            return token == JsonToken.VALUE_STRING ? parser.getText() : exactText(parser);
        }
        if (type == AtomicType.BINARY) {
            // Spark reads binary from a JSON string (an empty one too) as base64 with Jackson's getBinaryValue, which
            // decodes straight from the input: a string that ends short of its padding fails after Jackson has read
            // the closing quote, so the parser reads on out of step and the rest of the object breaks, as in Spark.
            return token == JsonToken.VALUE_STRING ? Bytes.of(parser.getBinaryValue()) : fail(parser, type, column);
        }
        if (token == JsonToken.VALUE_STRING && parser.getTextLength() == 0) {
            return fail(parser, type, column);
        }
        Object value = convertNonString(parser, token, type, column);
        return value == null ? fail(parser, type, column) : value;
    }

    private Object convertNonString(JsonParser parser, JsonToken token, DataType type, String column)
            throws IOException {
        boolean number = token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
        try {
            if (type == AtomicType.INT) {
                return token == JsonToken.VALUE_NUMBER_INT ? parser.getIntValue() : null;
            } else if (type == AtomicType.TINYINT) {
                // Jackson's getByteValue, as Spark's: -128 to 255, where 128 to 255 wrap to negative bytes.
                return token == JsonToken.VALUE_NUMBER_INT ? parser.getByteValue() : null;
            } else if (type == AtomicType.SMALLINT) {
                return token == JsonToken.VALUE_NUMBER_INT ? parser.getShortValue() : null;
            } else if (type == AtomicType.BIGINT) {
                return token == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : null;
            } else if (type == AtomicType.DOUBLE) {
                // Boxed on both sides: a primitive on one would unbox the other's null into a NullPointerException.
                return number ? Double.valueOf(parser.getDoubleValue()) : nonNumeric(parser, token);
            } else if (type == AtomicType.FLOAT) {
                Double special = nonNumeric(parser, token);
                return number ? Float.valueOf(parser.getFloatValue()) : special == null ? null : special.floatValue();
            } else if (type == AtomicType.BOOLEAN) {
                return token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE ? parser.getBooleanValue()
                        : null;
            } else if (type instanceof DecimalType decimal) {
                // NaN and the infinities are numbers to Jackson, but no decimal (Spark fails the field).
                return number && !parser.isNaN() ? DecimalText.fit(parser.getDecimalValue(), decimal)
                        : token == JsonToken.VALUE_STRING ? DecimalText.parse(parser.getText(), decimal) : null;
            } else if (type == AtomicType.DATE) {
                return token == JsonToken.VALUE_STRING ? date(parser.getText()) : null;
            } else if (type == AtomicType.TIMESTAMP) {
                return timestamp(parser, token);
            } else if (type == AtomicType.TIMESTAMP_NTZ) {
                long micros = token == JsonToken.VALUE_STRING ? temporal.parseLocalTimestamp(parser.getText())
                        : TemporalParser.INVALID;
                return micros == TemporalParser.INVALID ? null : LocalTimestamps.of(micros);
            } else if (type.isInterval()) {
                return token == JsonToken.VALUE_STRING ? interval(parser.getText(), (AtomicType) type) : null;
            } else if (type instanceof StructType struct) {
                return token == JsonToken.START_OBJECT ? struct(parser, struct) : null;
            } else if (type instanceof ArrayType array) {
                return token == JsonToken.START_ARRAY ? array(parser, array, column) : null;
            } else if (type instanceof MapType map) {
                return token == JsonToken.START_OBJECT ? map(parser, map, column) : null;
            }
        } catch (InputCoercionException e) {
            return null;
        }
        return null;
    }

    /** A DATE from JSON text as Spark reads it: a date, or without a {@code dateFormat} Spark 1.5's day number. */
    private LocalDate date(String text) {
        long days = temporal.parseDate(text);
        if (days == TemporalParser.INVALID && !temporal.hasDatePattern()) {
            days = TemporalParser.legacyJsonDays(text);
        }
        return days == TemporalParser.INVALID ? null : LocalDate.ofEpochDay(days);
    }

    private Object timestamp(JsonParser parser, JsonToken token) throws IOException {
        long micros = TemporalParser.INVALID;
        if (token == JsonToken.VALUE_STRING) {
            micros = temporal.parseTimestamp(parser.getText());
        } else if (token == JsonToken.VALUE_NUMBER_INT) {
            // Spark reads a whole number as seconds since the epoch.
            micros = Math.multiplyExact(parser.getLongValue(), 1_000_000L);
        }
        if (micros == TemporalParser.INVALID) {
            return null;
        }
        return Instant.EPOCH.plusSeconds(Math.floorDiv(micros, 1_000_000L))
                .plusNanos(Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    /**
     * Spark's allowNonNumericNumbers (on by default) for strings in DOUBLE and FLOAT columns: the texts Spark names,
     * which are not quite the tokens Jackson takes (a bare INF is neither).
     */
    private Double nonNumeric(JsonParser parser, JsonToken token) throws IOException {
        if (token != JsonToken.VALUE_STRING || !allowNonNumericNumbers) {
            return null;
        }
        return switch (parser.getText()) {
            case "NaN" -> Double.NaN;
            case "Infinity", "+Infinity", "+INF" -> Double.POSITIVE_INFINITY;
            case "-Infinity", "-INF" -> Double.NEGATIVE_INFINITY;
            default -> null;
        };
    }

    private Object struct(JsonParser parser, StructType struct) throws IOException {
        Map<String, Integer> indexes = fieldIndexes.computeIfAbsent(struct, JsonValueConverter::indexes);
        Object[] values = new Object[struct.fields().size()];
        boolean failed = false;
        for (JsonToken token = parser.nextToken(); isInObject(token); token = parser.nextToken()) {
            Integer index = indexes.get(parser.currentName());
            if (index == null) {
                parser.skipChildren();
                continue;
            }
            Field field = struct.fields().get(index);
            Object value = convertField(parser, field.type(), field.name());
            failed |= value == FAILED;
            values[index] = value == FAILED ? null : value;
        }
        return failed ? FAILED : new Row(Arrays.asList(values));
    }

    private Object array(JsonParser parser, ArrayType array, String column) throws IOException {
        List<Object> values = new ArrayList<>();
        boolean failed = false;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            Object value = convertElement(parser, array.elementType(), column);
            failed |= value == FAILED;
            values.add(value == FAILED ? null : value);
        }
        return failed ? FAILED : java.util.Collections.unmodifiableList(values);
    }

    /**
     * A JSON object read into a map: every field a key (a STRING; the planner refuses other key types), in the
     * order written, duplicates kept, as Spark's JacksonParser builds the map.
     */
    private Object map(JsonParser parser, MapType map, String column) throws IOException {
        List<Object> keys = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        boolean failed = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            keys.add(parser.currentName());
            parser.nextToken();
            Object value = convert(parser, map.valueType(), column);
            failed |= value == FAILED;
            values.add(value == FAILED ? null : value);
        }
        return failed ? FAILED : new MapValue(keys, values);
    }

    /**
     * Whether {@code token} is still inside the object being read. As Spark's {@code nextUntil(END_OBJECT)}, any other
     * token goes on: an unknown field's name and then its value are each skipped, one token at a time.
     */
    static boolean isInObject(JsonToken token) {
        return token != null && token != JsonToken.END_OBJECT;
    }

    /** Field name to index; Spark matches JSON keys to fields case-sensitively by default. */
    static Map<String, Integer> indexes(StructType struct) {
        Map<String, Integer> indexes = new HashMap<>();
        for (int i = 0; i < struct.fields().size(); i++) {
            indexes.putIfAbsent(struct.fields().get(i).name(), i);
        }
        return indexes;
    }

    private Object fail(JsonParser parser, DataType type, String column) throws IOException {
        String text = parser.currentToken().isScalarValue() ? parser.getText() : parser.currentToken().asString();
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            text = "\"" + text + "\"";
        }
        failure = String.format("cannot parse '%s' as %s for column '%s'", text, type.sql(), column);
        parser.skipChildren();
        return FAILED;
    }

    /**
     * The text of the value under {@code parser} exactly as the file has it (Spark's
     * {@code spark.sql.json.enableExactStringParsing}, on by default): {@code 1.50}, {@code +INF} or an object with
     * its spaces and single quotes, not Jackson's rewriting of them.
     */
    private String exactText(JsonParser parser) throws IOException {
        int start = (int) parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        int end = (int) parser.currentLocation().getByteOffset();
        return new String(source, sourceStart + start, end - start, StandardCharsets.UTF_8);
    }

    /** Spark reads an interval from a JSON string as its CAST from text does; text of another form is malformed. */
    private static Object interval(String text, AtomicType type) {
        try {
            return sluice.engine.types.ColumnVector.toExternal(type, IntervalText.parse(text, type));
        } catch (IntervalText.Invalid e) {
            return null;
        }
    }
}
