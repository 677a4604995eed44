package sluice.engine.expr.functions;

import java.util.List;

/** The URL functions (Spark's url_funcs). */
final class UrlDocs {
    private UrlDocs() {
    }

    static List<SqlFunction> all() {
        return new Docs(FunctionGroup.URL)
                .add("parse_url", "parse_url(url, partToExtract[, key])",
                        "A part of a URL: HOST, PATH, QUERY, REF, PROTOCOL, FILE, AUTHORITY or USERINFO, or the value "
                                + "of key in the query; an invalid URL is an error",
                        "parse_url('https://example.com/a?x=1&y=2', 'QUERY', 'y')", "2")
                .add("try_parse_url", "try_parse_url(url, partToExtract[, key])",
                        "parse_url, or NULL for an invalid URL", "try_parse_url('https://ex ample.com', 'HOST')",
                        "NULL")
                .add("url_encode", "url_encode(str)", "str encoded for a URL query (application/x-www-form-urlencoded)",
                        "url_encode('a b&c')", "a+b%26c")
                .add("url_decode", "url_decode(str)", "url_encode undone; malformed text is an error",
                        "url_decode('a+b%26c')", "a b&c")
                .add("try_url_decode", "try_url_decode(str)", "url_decode, or NULL for malformed text",
                        "try_url_decode('%zz')", "NULL")
                .functions();
    }
}
