package sluice.engine.expr.compile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * get_json_object: walks the tokens of JSON text along a {@link JsonPath} and writes what it finds, as Spark's
 * GetJsonObject does (Hive's rules). A string found outside any {@code [*]} is written bare; elsewhere values are JSON.
 * {@code [*]} gathers the matches of its elements into an array, or gives the only match alone; {@code [*][*]}
 * flattens the inner arrays into one. A field whose value is null does not match, and of repeated fields the first
 * that matches wins. Text that is not JSON up to the end of what the walk reads gives null. Stateless.
 */
final class JsonPathWalk {
    /**
     * The reading Spark sets up for its JSON functions: single quotes and raw control characters in strings are
     * accepted, for Hive's sake.
     */
    static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();

    /** How a value found is written: bare strings at the top, JSON inside arrays, arrays flattened under [*][*]. */
    private enum Style { RAW, QUOTED, FLATTEN }

    private JsonPathWalk() {
    }

    /** What {@code path} finds in {@code json}, or null when it finds nothing or the text is not JSON. */
    static String find(String json, JsonPath path) {
        // Written as UTF-8 bytes, as Spark writes them: Jackson then escapes a character beyond the BMP in a string
        // it copies (\uD83D\uDE00), which a writer of chars would keep whole.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonParser parser = FACTORY.createParser(json);
                JsonGenerator generator = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            if (parser.nextToken() == null) {
                return null;
            }
            if (!walk(parser, generator, Style.RAW, path.steps(), 0)) {
                return null;
            }
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Writes what the steps from {@code from} find in the value at the parser, and says whether it found any. */
    private static boolean walk(JsonParser p, JsonGenerator g, Style style, List<JsonPath.Step> steps, int from)
            throws IOException {
        JsonToken token = p.currentToken();
        if (from == steps.size()) {
            return write(p, g, style, steps, from);
        }
        JsonPath.Step step = steps.get(from);
        JsonPath.Step next = from + 1 < steps.size() ? steps.get(from + 1) : null;
        if (token == JsonToken.START_OBJECT && step instanceof JsonPath.Field field) {
            return field(p, g, style, steps, from, field.name());
        }
        if (token == JsonToken.START_ARRAY && step instanceof JsonPath.EveryElement) {
            if (next instanceof JsonPath.EveryElement) {
                // Hive's [*][*]: one array of the inner elements, whatever the nesting.
                g.writeStartArray();
                boolean found = false;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    found |= walk(p, g, Style.FLATTEN, steps, from + 2);
                }
                g.writeEndArray();
                return found;
            }
            return style == Style.QUOTED ? everyElementInArray(p, g, steps, from) : everyElement(p, g, style, steps,
                    from);
        }
        if (token == JsonToken.START_ARRAY && step instanceof JsonPath.Index index) {
            // Below an index followed by [*] there may be several matches: written as JSON.
            Style below = next instanceof JsonPath.EveryElement ? Style.QUOTED : style;
            p.nextToken();
            return element(p, g, below, steps, from + 1, index.index());
        }
        p.skipChildren();
        return false;
    }

    private static boolean write(JsonParser p, JsonGenerator g, Style style, List<JsonPath.Step> steps, int from)
            throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_STRING && style == Style.RAW) {
            g.writeRaw(p.getText());
            return true;
        }
        if (token == JsonToken.START_ARRAY && style == Style.FLATTEN) {
            boolean found = false;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                found |= write(p, g, style, steps, from);
            }
            return found;
        }
        g.copyCurrentStructure(p);
        return true;
    }

    /** The field {@code name} of the object at the parser: the first of that name, not null, where the rest matches. */
    private static boolean field(JsonParser p, JsonGenerator g, Style style, List<JsonPath.Step> steps, int from,
            String name) throws IOException {
        boolean found = false;
        while (p.nextToken() != JsonToken.END_OBJECT) {
            String fieldName = p.currentName();
            JsonToken value = p.nextToken();
            if (!found && name.equals(fieldName) && value != JsonToken.VALUE_NULL) {
                found = walk(p, g, style, steps, from + 1);
            } else {
                p.skipChildren();
            }
        }
        return found;
    }

    /**
     * {@code [*]} at the top or under flattening: the matches in an array when there are several, the one match
     * alone, nothing when none.
     */
    private static boolean everyElement(JsonParser p, JsonGenerator g, Style style, List<JsonPath.Step> steps,
            int from) throws IOException {
        Style below = style == Style.FLATTEN ? Style.FLATTEN : Style.QUOTED;
        // A writer of chars, as Spark's buffer here: no escapes beyond what JSON needs.
        StringWriter buffer = new StringWriter();
        int matches = 0;
        try (JsonGenerator inner = FACTORY.createGenerator(buffer)) {
            inner.writeStartArray();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                matches += walk(p, inner, below, steps, from + 1) ? 1 : 0;
            }
            inner.writeEndArray();
        }
        String text = buffer.toString();
        if (matches > 1) {
            g.writeRawValue(text);
        } else if (matches == 1) {
            g.writeRawValue(text.substring(1, text.length() - 1));
        }
        return matches > 0;
    }

    /** {@code [*]} inside another match: always an array. */
    private static boolean everyElementInArray(JsonParser p, JsonGenerator g, List<JsonPath.Step> steps, int from)
            throws IOException {
        g.writeStartArray();
        boolean found = false;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            found |= walk(p, g, Style.QUOTED, steps, from + 1);
        }
        g.writeEndArray();
        return found;
    }

    /** The element at {@code index} of the array whose first element (or end) is at the parser; reads to its end. */
    private static boolean element(JsonParser p, JsonGenerator g, Style style, List<JsonPath.Step> steps, int from,
            long index) throws IOException {
        for (long i = index; p.currentToken() != JsonToken.END_ARRAY; i--) {
            if (i == 0) {
                boolean found = walk(p, g, style, steps, from);
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    p.skipChildren();
                }
                return found;
            }
            p.skipChildren();
            p.nextToken();
        }
        return false;
    }
}
