package sluice.engine.expr.functions;

import java.util.ArrayList;
import java.util.List;

/**
 * The generators (Spark's generator_funcs, and json_tuple, which Spark files under json_funcs), which make rows
 * rather than values: each is a whole item of transform.select (or the value of transform.withColumn). An example's
 * result is the first row it makes.
 */
final class GeneratorDocs {
    private GeneratorDocs() {
    }

    static List<SqlFunction> all() {
        List<SqlFunction> all = new ArrayList<>(new Docs(FunctionGroup.GENERATOR)
                .add("explode", "explode(array); explode(map)",
                        "One row for every element of the array (column col), or entry of the map (columns key and "
                        + "value), the other columns repeated; none for a NULL or empty one",
                        "explode(array(10, 20))", "10")
                .add("explode_outer", "explode_outer(array); explode_outer(map)",
                        "As explode, but one row of NULLs for a NULL or empty array or map",
                        "explode_outer(array(10, 20))", "10")
                .add("posexplode", "posexplode(array); posexplode(map)",
                        "As explode, with the 0-based position first (column pos)",
                        "posexplode(array(10, 20))", "0, 10")
                .add("posexplode_outer", "posexplode_outer(array); posexplode_outer(map)",
                        "As posexplode, but one row of NULLs for a NULL or empty array or map",
                        "posexplode_outer(map('a', 1))", "0, a, 1")
                .add("inline", "inline(arrayOfStructs)",
                        "One row for every struct of the array, its fields as the columns; a row of NULLs for a "
                        + "NULL struct; none for a NULL or empty array",
                        "inline(array(struct(1, 'a'), struct(2, 'b')))", "1, a")
                .add("inline_outer", "inline_outer(arrayOfStructs)",
                        "As inline, but one row of NULLs for a NULL or empty array",
                        "inline_outer(array(struct(1, 'a'), struct(2, 'b')))", "1, a")
                .add("stack", "stack(n, expr1, ..., exprk)",
                        "The values laid out in n rows (n a constant) of as many columns as it takes (col0, col1, "
                        + "...), the last row padded with NULLs; the values of a column must have one type",
                        "stack(2, 1, 2, 3)", "1, 2")
                .functions());
        all.addAll(new Docs(FunctionGroup.JSON)
                .add("json_tuple", "json_tuple(jsonStr, p1, p2, ..., pn)",
                        "One row of the top-level fields p1 to pn of a JSON object (columns c0, c1, ...): a string "
                        + "as its text, any other value as JSON; NULL for a missing field, and for every one when the "
                        + "text is not a JSON object",
                        "json_tuple('{\"a\":1, \"b\":[2]}', 'a', 'b')", "1, [2]")
                .functions());
        return all;
    }
}
