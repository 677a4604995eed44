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
                .functions();
    }
}
