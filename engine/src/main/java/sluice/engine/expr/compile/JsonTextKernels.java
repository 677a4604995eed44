package sluice.engine.expr.compile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import sluice.engine.diag.ErrorCode;
import sluice.engine.expr.analyze.Typed;

/**
 * The functions that read JSON text without a schema: get_json_object, json_array_length, json_object_keys and
 * schema_of_json. As Spark's, they read only the first JSON value of the text and ignore what follows it; text that
 * is not JSON where they read it gives null (schema_of_json, whose text is a constant, stops instead). Stateless.
 */
final class JsonTextKernels {
    private JsonTextKernels() {
    }

    /** The kernel of one of these functions, or null for another function. */
    static Kernel of(Typed.Call call) {
        return switch (call.function()) {
            case "get_json_object" -> getJsonObject(call.args().get(1));
            case "json_array_length" -> (a, e) -> arrayLength((String) a[0]);
            case "json_object_keys" -> (a, e) -> objectKeys((String) a[0]);
            case "schema_of_json" -> {
                JsonSchemaInference inference = new JsonSchemaInference(options(call.args()));
                yield (a, e) -> schemaOfJson(inference, (String) a[0]);
            }
            default -> null;
        };
    }

    private static Kernel getJsonObject(Typed pathArg) {
        if (pathArg instanceof Typed.Constant constant && constant.value() instanceof String text) {
            JsonPath path = JsonPath.parse(text);
            return (a, e) -> path == null ? null : JsonPathWalk.find((String) a[0], path);
        }
        return (a, e) -> {
            JsonPath path = JsonPath.parse((String) a[1]);
            return path == null ? null : JsonPathWalk.find((String) a[0], path);
        };
    }

    /** The number of elements of the outermost array, as an INT; null for other JSON or text that is not JSON. */
    private static Object arrayLength(String json) {
        try (JsonParser parser = JsonPathWalk.FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            long length = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                length++;
                parser.skipChildren();
            }
            return length;
        } catch (IOException e) {
            return null;
        }
    }

    /** The keys of the outermost object in their order (repeats kept); null for other JSON or text not JSON. */
    private static Object objectKeys(String json) {
        try (JsonParser parser = JsonPathWalk.FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            List<String> keys = new ArrayList<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                keys.add(parser.currentName());
                parser.nextToken();
                parser.skipChildren();
            }
            return keys;
        } catch (IOException e) {
            return null;
        }
    }

    /** schema_of_json's options: the map(...) of constant strings after the text, checked when typed. */
    private static Map<String, Boolean> options(List<Typed> args) {
        Map<String, Boolean> options = new TreeMap<>();
        if (args.size() > 1) {
            List<Typed> parts = ((Typed.Call) args.get(1)).args();
            for (int i = 0; i + 1 < parts.size(); i += 2) {
                String name = (String) ((Typed.Constant) parts.get(i)).value();
                String value = (String) ((Typed.Constant) parts.get(i + 1)).value();
                options.put(name.toLowerCase(Locale.ROOT), Boolean.parseBoolean(value));
            }
        }
        return options;
    }

    private static Object schemaOfJson(JsonSchemaInference inference, String json) {
        try {
            return inference.ddl(json);
        } catch (IOException e) {
            String reason = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new RowFailure(ErrorCode.INVALID_ARGUMENT_VALUE,
                    "schema_of_json cannot read its text as JSON: " + reason);
        }
    }
}
