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
                        + "map('timestampFormat', pattern, 'dateFormat', pattern) read dates and times by a pattern",
                        "from_json('{\"a\": 1}', 'a INT, b STRING')", "{1, NULL}")
                .add("to_json", "to_json(expr[, options])", "A struct, array or map as JSON text; options "
                        + "map('timestampFormat', pattern, 'dateFormat', pattern) write dates and times by a pattern",
                        "to_json(from_json('{\"a\": 1}', 'a INT'))", "{\"a\":1}")
                .functions();
    }
}
