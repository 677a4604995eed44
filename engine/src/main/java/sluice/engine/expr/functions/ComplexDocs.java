package sluice.engine.expr.functions;

import java.util.ArrayList;
import java.util.List;

/** The functions that build arrays, maps and structs (Spark's array_funcs, map_funcs and struct_funcs). */
final class ComplexDocs {
    private ComplexDocs() {
    }

    static List<SqlFunction> all() {
        List<SqlFunction> all = new ArrayList<>(new Docs(FunctionGroup.ARRAY)
                .add("array", "array(expr, ...)", "An array of the values, of their common type",
                        "array(1, NULL, 3)", "[1, NULL, 3]")
                .functions());
        all.addAll(new Docs(FunctionGroup.MAP)
                .add("map", "map(key0, value0, key1, value1, ...)",
                        "A map of the keys to the values; a NULL or repeated key is an error", "map('a', 1, 'b', 2)",
                        "{a -> 1, b -> 2}")
                .functions());
        all.addAll(new Docs(FunctionGroup.STRUCT)
                .add("named_struct", "named_struct(name1, val1, name2, val2, ...)",
                        "A struct whose fields have the given names and values", "named_struct('a', 1, 'b', 'x')",
                        "{1, x}")
                .add("struct", "struct(col1, col2, ...)",
                        "A struct of the values, its fields named after the columns or aliases, else colN for the Nth",
                        "struct(1 AS a, 'x')", "{1, x}")
                .functions());
        return all;
    }
}
