package sluice.engine.expr.functions;

import java.util.List;

/** Functions over strings, binaries and arrays alike (Spark's collection_funcs). */
final class CollectionDocs {
    private CollectionDocs() {
    }

    static List<SqlFunction> all() {
        return new Docs(FunctionGroup.COLLECTION)
                .add("concat", "concat(col1, col2, ..., colN); col1 || col2",
                        "The strings (or binaries when all are) one after another; NULL if any is",
                        "concat('a', 'b', 'c')", "abc")
                .add("reverse", "reverse(str)", "The characters of str in reverse order", "reverse('abc')", "cba")
                .add("size cardinality", "size(expr)", "The number of elements of an array", "size(split('a,b', ','))",
                        "2")
                .add("element_at", "element_at(array, index)",
                        "The element at index (1 is the first, -1 the last); past the end is an error",
                        "element_at(split('a,b,c', ','), -1)", "c")
                .add("try_element_at", "try_element_at(array, index)",
                        "The element at index, or NULL past either end", "try_element_at(split('a,b', ','), 5)", "NULL")
                .functions();
    }
}
