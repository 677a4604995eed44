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
                .add("array_contains", "array_contains(array, value)",
                        "Whether the array holds value; NULL when it does not but holds a NULL",
                        "array_contains(array(1, 2, 3), 2)", "true")
                .add("array_position", "array_position(array, value)",
                        "The 1-based position of the first element equal to value, 0 if none",
                        "array_position(array(3, 2, 1, 2), 2)", "2")
                .add("array_remove", "array_remove(array, value)", "The array without the elements equal to value",
                        "array_remove(array(1, 2, 3, NULL, 3), 3)", "[1, 2, NULL]")
                .add("array_distinct", "array_distinct(array)", "The array without repeated elements, in order",
                        "array_distinct(array(1, 2, 3, NULL, 3, NULL))", "[1, 2, 3, NULL]")
                .add("array_union", "array_union(array1, array2)",
                        "The distinct elements of array1 then those of array2 not already there",
                        "array_union(array(1, 2, 3), array(1, 3, 5))", "[1, 2, 3, 5]")
                .add("array_intersect", "array_intersect(array1, array2)",
                        "The distinct elements of array1 that are also in array2, in order",
                        "array_intersect(array(1, 2, 3), array(1, 3, 5))", "[1, 3]")
                .add("array_except", "array_except(array1, array2)",
                        "The distinct elements of array1 that are not in array2, in order",
                        "array_except(array(1, 2, 3), array(1, 3, 5))", "[2]")
                .add("arrays_overlap", "arrays_overlap(array1, array2)",
                        "Whether the arrays share a non-NULL element; NULL when they do not but both have elements "
                        + "and one holds a NULL", "arrays_overlap(array(1, 2, 3), array(3, 4, 5))", "true")
                .add("array_join", "array_join(array, delimiter[, nullReplacement])",
                        "The strings of the array joined by delimiter, NULLs skipped or replaced",
                        "array_join(array('a', NULL, 'c'), ',', '?')", "a,?,c")
                .add("array_max", "array_max(array)", "The greatest non-NULL element; NULL if none",
                        "array_max(array(1, 20, NULL, 3))", "20")
                .add("array_min", "array_min(array)", "The least non-NULL element; NULL if none",
                        "array_min(array(1, 20, NULL, 3))", "1")
                .add("array_size", "array_size(array)", "The number of elements of the array",
                        "array_size(array('b', 'd', 'c', 'a'))", "4")
                .add("array_append", "array_append(array, element)", "The array with element added at the end",
                        "array_append(array('b', 'd'), 'a')", "[b, d, a]")
                .add("array_prepend", "array_prepend(array, element)", "The array with element added at the front",
                        "array_prepend(array('b', 'd'), 'a')", "[a, b, d]")
                .add("array_compact", "array_compact(array)", "The array without its NULL elements",
                        "array_compact(array(1, NULL, 2, NULL))", "[1, 2]")
                .add("array_repeat", "array_repeat(element, count)", "An array of count copies of element",
                        "array_repeat('ab', 3)", "[ab, ab, ab]")
                .add("flatten", "flatten(arrayOfArrays)",
                        "The inner arrays one after another; NULL if one of them is NULL",
                        "flatten(array(array(1, 2), array(3)))", "[1, 2, 3]")
                .add("slice", "slice(array, start, length)",
                        "length elements from the 1-based start (negative counts from the end)",
                        "slice(array(1, 2, 3, 4), -2, 2)", "[3, 4]")
                .add("sort_array", "sort_array(array[, ascending])",
                        "The array sorted, ascending (NULLs first) unless ascending is false (NULLs last)",
                        "sort_array(array('b', 'd', NULL, 'c'), false)", "[d, c, b, NULL]")
                .add("array_insert", "array_insert(array, pos, value)",
                        "The array with value inserted at the 1-based pos (negative counts from the end, -1 appends; "
                        + "past either end pads with NULLs)", "array_insert(array(1, 2, 3), 5, 9)",
                        "[1, 2, 3, NULL, 9]")
                .add("get", "get(array, index)", "The element at the 0-based index, or NULL outside the array",
                        "get(array(1, 2, 3), 3)", "NULL")
                .functions());
        all.addAll(new Docs(FunctionGroup.MAP)
                .add("map", "map(key0, value0, key1, value1, ...)",
                        "A map of the keys to the values; a NULL or repeated key is an error", "map('a', 1, 'b', 2)",
                        "{a -> 1, b -> 2}")
                .add("map_keys", "map_keys(map)", "The keys of the map, in order", "map_keys(map(1, 'a', 2, 'b'))",
                        "[1, 2]")
                .add("map_values", "map_values(map)", "The values of the map, in order",
                        "map_values(map(1, 'a', 2, 'b'))", "[a, b]")
                .add("map_entries", "map_entries(map)", "The entries of the map as structs of key and value",
                        "map_entries(map(1, 'a', 2, 'b'))", "[{1, a}, {2, b}]")
                .add("map_contains_key", "map_contains_key(map, key)", "Whether the map has key",
                        "map_contains_key(map(1, 'a', 2, 'b'), 2)", "true")
                .add("map_from_arrays", "map_from_arrays(keys, values)",
                        "A map of the keys to the values at the same positions; a NULL or repeated key is an error",
                        "map_from_arrays(array(1, 2), array('a', 'b'))", "{1 -> a, 2 -> b}")
                .add("map_from_entries", "map_from_entries(arrayOfEntries)",
                        "A map of the (key, value) structs; NULL if one is NULL",
                        "map_from_entries(array(struct(1, 'a'), struct(2, 'b')))", "{1 -> a, 2 -> b}")
                .add("map_concat", "map_concat(map, ...)", "The entries of the maps together; a repeated key is an "
                        + "error", "map_concat(map(1, 'a'), map(2, 'b'))", "{1 -> a, 2 -> b}")
                .add("str_to_map", "str_to_map(text[, pairDelim[, keyValueDelim]])",
                        "A map read from text: pairs split by the pairDelim regex (','), each split once by the "
                        + "keyValueDelim regex (':'), a missing value NULL", "str_to_map('a:1,b:2')",
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
