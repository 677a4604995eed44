package sluice.engine.expr.functions;

import java.util.List;

/** Functions over strings, binaries and arrays alike (Spark's collection_funcs). */
final class CollectionDocs {
    private CollectionDocs() {
    }

    static List<SqlFunction> all() {
        return new Docs(FunctionGroup.COLLECTION)
                .add("concat", "concat(col1, col2, ..., colN); col1 || col2",
                        "The strings (or binaries, or arrays, when all are) one after another; NULL if any is",
                        "concat('a', 'b', 'c')", "abc")
                .add("reverse", "reverse(str); reverse(array)", "The characters of str, or the elements of array, "
                        + "in reverse order", "reverse('abc')", "cba")
                .add("size cardinality", "size(expr)",
                        "The number of elements of an array or entries of a map; NULL for NULL",
                        "size(split('a,b', ','))", "2")
                .add("element_at", "element_at(array, index); element_at(map, key)",
                        "The element at index (1 is the first, -1 the last; past the end is an error), or the value "
                        + "of key in a map (NULL if missing)",
                        "element_at(split('a,b,c', ','), -1)", "c")
                .add("try_element_at", "try_element_at(array, index); try_element_at(map, key)",
                        "The element at index, or NULL past either end; the value of key in a map",
                        "try_element_at(split('a,b', ','), 5)", "NULL")
                .functions();
    }
}
