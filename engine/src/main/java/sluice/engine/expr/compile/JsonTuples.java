package sluice.engine.expr.compile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * json_tuple's reading of one JSON text, as Spark's JsonTupleEvaluator: the top-level fields asked for, a string as
 * its text, any other value as compact JSON, a JSON null as NULL; a later field of the same name wins. Text that is
 * not a JSON object, or that turns out malformed anywhere before the object ends, gives NULL for every field.
 * Stateless.
 */
final class JsonTuples {
    // Spark's json_tuple factory: unescaped control characters and single quotes allowed, for Hive's sake.
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();

    private JsonTuples() {
    }

    /** The values of {@code names} (a NULL name matches no field) in {@code json}; every element NULL on failure. */
    static String[] read(String json, String[] names) {
        String[] values = new String[names.length];
        if (json == null) {
            return values;
        }
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return values;
            }
            while (parser.nextToken() != JsonToken.END_OBJECT) {
                if (parser.currentToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    String text = null;
                    for (int i = 0; i < names.length; i++) {
                        if (field.equals(names[i]) && value != JsonToken.VALUE_NULL) {
                            text = text != null ? text : copy(parser);
                            values[i] = text;
                        }
                    }
                }
                parser.skipChildren();
            }
            return values;
        } catch (JsonProcessingException e) {
            return new String[names.length];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String copy(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.copyCurrentStructure(parser);
        }
        return out.toString();
    }
}
