package sluice.engine.expr.functions;

import java.util.List;

/** The JSON functions (Spark's json_funcs). */
final class JsonDocs {
    private JsonDocs() {
    }

    static List<SqlFunction> all() {
        return new Docs(FunctionGroup.JSON)
                .add("from_json", "from_json(jsonStr, schema[, options])",
                        "The struct read from JSON text with a DDL schema; NULL fields for what does not fit; options "
                        + "map('timestampFormat', pattern, 'dateFormat', pattern, 'timestampNTZFormat', pattern) read "
                        + "dates and times by a pattern (a TIMESTAMP_NTZ without one as a cast does, no zone allowed)",
                        "from_json('{\"a\": 1}', 'a INT, b STRING')", "{1, NULL}")
                .add("to_json", "to_json(expr[, options])", "A struct, array or map as JSON text; options "
                        + "map('timestampFormat', pattern, 'dateFormat', pattern, 'timestampNTZFormat', pattern) write "
                        + "dates and times by a pattern",
                        "to_json(from_json('{\"a\": 1}', 'a INT'))", "{\"a\":1}")
                .add("get_json_object", "get_json_object(json, path)",
                        "What path finds in the JSON text: $ and then .name, ['name'], [n] or [*] steps; a string "
                        + "bare, anything else as JSON; NULL when nothing matches or the text is not JSON",
                        "get_json_object('{\"a\":{\"b\":[\"x\",\"y\"]}}', '$.a.b[1]')", "y")
                .add("json_array_length", "json_array_length(jsonArray)",
                        "The number of elements of the outermost JSON array; NULL for other JSON or text that is "
                        + "not JSON", "json_array_length('[1,2,[3,4]]')", "3")
                .add("json_object_keys", "json_object_keys(json_object)",
                        "The keys of the outermost JSON object, in order; NULL for other JSON or text that is not "
                        + "JSON", "json_object_keys('{\"f1\":\"abc\",\"f2\":{\"f3\":\"a\"}}')", "[f1, f2]")
                .add("schema_of_json", "schema_of_json(json[, options])",
                        "The schema Spark infers from constant JSON text, as DDL: BIGINT, DOUBLE, STRING, BOOLEAN, "
                        + "ARRAY and STRUCT with the fields sorted by name; options map('primitivesAsString', 'true', "
                        + "...) as Spark's JSON reading options that change inference (text stays STRING: Spark infers "
                        + "no timestamps from JSON unless asked)",
                        "schema_of_json('[{\"col\":0}]')", "ARRAY<STRUCT<col: BIGINT>>")
                .functions();
    }
}
