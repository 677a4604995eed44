package sluice.engine.expr.functions;

import java.util.List;

/** The higher-order functions, which take a lambda such as {@code x -> x + 1} (Spark's lambda_funcs). */
final class LambdaDocs {
    private LambdaDocs() {
    }

    static List<SqlFunction> all() {
        return new Docs(FunctionGroup.LAMBDA)
                .add("transform", "transform(array, x -> expr); transform(array, (x, i) -> expr)",
                        "The array with every element x (at 0-based index i) replaced by expr; NULL for a NULL array",
                        "transform(array(1, 2, 3), x -> x + 1)", "[2, 3, 4]")
                .add("filter", "filter(array, x -> cond); filter(array, (x, i) -> cond)",
                        "The elements for which cond is true, in order; NULL for a NULL array",
                        "filter(array(1, 2, 3, 4), x -> x % 2 = 0)", "[2, 4]")
                .add("exists", "exists(array, x -> cond)",
                        "Whether cond is true for some element: true if any is, else NULL if cond is NULL for any, "
                        + "else false",
                        "exists(array(1, 2, 3), x -> x > 2)", "true")
                .add("forall", "forall(array, x -> cond)",
                        "Whether cond is true for every element: false if any is false, else NULL if cond is NULL "
                        + "for any, else true",
                        "forall(array(1, 2, 3), x -> x > 0)", "true")
                .add("aggregate reduce",
                        "aggregate(array, start, (acc, x) -> merge[, acc -> finish])",
                        "Folds the elements from the left into acc, starting at start, then applies finish (by "
                        + "default acc itself); merge must give start's type; NULL for a NULL array",
                        "aggregate(array(1, 2, 3), 0, (acc, x) -> acc + x, acc -> acc * 10)", "60")
                .add("zip_with", "zip_with(left, right, (x, y) -> expr)",
                        "The arrays merged element by element with expr, the shorter padded with NULLs; NULL if "
                        + "either is NULL",
                        "zip_with(array(1, 2), array(10, 20, 30), (x, y) -> x + y)", "[11, 22, NULL]")
                .add("map_filter", "map_filter(map, (k, v) -> cond)",
                        "The entries for which cond is true; NULL for a NULL map",
                        "map_filter(map(1, 0, 2, 2, 3, -1), (k, v) -> k > v)", "{1 -> 0, 3 -> -1}")
                .add("transform_values", "transform_values(map, (k, v) -> expr)",
                        "The map with every value replaced by expr; NULL for a NULL map",
                        "transform_values(map('a', 1, 'b', 2), (k, v) -> v * 10)", "{a -> 10, b -> 20}")
                .add("transform_keys", "transform_keys(map, (k, v) -> expr)",
                        "The map with every key replaced by expr; a NULL or repeated new key is an error "
                        + "(NULL_MAP_KEY, DUPLICATED_MAP_KEY); NULL for a NULL map",
                        "transform_keys(map(1, 'a', 2, 'b'), (k, v) -> k * 10)", "{10 -> a, 20 -> b}")
                .add("map_zip_with", "map_zip_with(map1, map2, (k, v1, v2) -> expr)",
                        "Every key of either map (map1's first) with expr of its values, v1 or v2 NULL where a "
                        + "map lacks the key; NULL if either map is NULL",
                        "map_zip_with(map(1, 'a', 2, 'b'), map(1, 'x', 3, 'y'), (k, v1, v2) -> concat(v1, v2))",
                        "{1 -> ax, 2 -> NULL, 3 -> NULL}")
                .add("array_sort", "array_sort(array[, (x, y) -> comparison])",
                        "The array sorted by the comparison, an INT that is negative, 0 or positive when x is less "
                        + "than, equal to or greater than y (a NULL comparison is an error); without one, "
                        + "ascending with NULLs last; NULL for a NULL array",
                        "array_sort(array(3, 1, NULL, 2), (x, y) -> CASE WHEN x IS NULL THEN -1 WHEN y IS NULL "
                        + "THEN 1 ELSE y - x END)", "[NULL, 3, 2, 1]")
                .functions();
    }
}
