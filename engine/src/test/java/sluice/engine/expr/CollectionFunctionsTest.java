package sluice.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Problem;
import sluice.engine.diag.SluiceException;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.MapValue;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;
import sluice.engine.types.ValueText;

/**
 * The array and map functions without lambdas as Spark 4 has them: values, null handling, result types, generated
 * names and errors. Row 0 holds values, row 1 nulls.
 */
class CollectionFunctionsTest {
    private static final Schema SCHEMA = SchemaParser.parse("a ARRAY<INT>, n ARRAY<INT>, w ARRAY<STRING>, "
            + "d ARRAY<DOUBLE>, m MAP<STRING, INT>, i INT, t STRING", ExpressionFixture.WHERE);
    private static final Batch BATCH = Batch.ofRows(SCHEMA, List.of(
            Row.of(Arrays.asList(3, 1, 2, 1), Arrays.asList(2, null, 4), Arrays.asList("x", null, "y"),
                    Arrays.asList(Double.NaN, -0.0, 1.0), new MapValue(List.of("k", "j"), Arrays.asList(1, null)), 2,
                    "k"),
            Row.of(null, null, null, null, null, null, null)));
    private static final ExpressionCompiler COMPILER = new ExpressionCompiler(ExpressionFixture.UTC);

    private static CompiledExpression compile(String text) {
        return COMPILER.compile(text, SCHEMA, ExpressionFixture.WHERE);
    }

    private static List<Object> eval(String text) {
        ColumnVector column = compile(text).evaluate(BATCH, new EvalContext(0L, ExpressionFixture.UTC));
        List<Object> values = new ArrayList<>();
        for (int row = 0; row < column.size(); row++) {
            values.add(column.get(row));
        }
        return values;
    }

    private static String first(String text) {
        return ValueText.of(compile(text).type(), eval(text).get(0), ExpressionFixture.UTC);
    }

    private static Problem compileProblem(String text) {
        return catchThrowableOfType(SluiceException.class, () -> compile(text)).problem();
    }

    private static Problem runProblem(String text) {
        CompiledExpression expression = compile(text);
        return catchThrowableOfType(SluiceException.class,
                () -> expression.evaluate(BATCH, new EvalContext(0L, ExpressionFixture.UTC))).problem();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "array_contains(a, 2)               | array_contains(a, 2)               | boolean       | true",
        "array_contains(n, 3)               | array_contains(n, 3)               | boolean       | null",
        "array_contains(n, 2L)              | array_contains(n, 2)               | boolean       | true",
        "array_contains(d, CAST('NaN' AS DOUBLE)) | array_contains(d, CAST(NaN AS DOUBLE)) | boolean | true",
        "array_contains(d, 0.0D)            | array_contains(d, 0.0)             | boolean       | true",
        "array_position(a, 1)               | array_position(a, 1)               | bigint        | 2",
        "array_position(a, 9)               | array_position(a, 9)               | bigint        | 0",
        "array_remove(a, 1)                 | array_remove(a, 1)                 | array<int>    | [3, 2]",
        "array_distinct(a)                  | array_distinct(a)                  | array<int>    | [3, 1, 2]",
        "array_distinct(array(1, NULL, NULL)) | array_distinct(array(1, NULL, NULL)) | array<int> | [1, null]",
        "array_union(a, n)                  | array_union(a, n)                  | array<int>    | [3, 1, 2, null, 4]",
        "array_intersect(a, n)              | array_intersect(a, n)              | array<int>    | [2]",
        "array_except(a, n)                 | array_except(a, n)                 | array<int>    | [3, 1]",
        "array_union(a, array(1.5D)) | array_union(a, array(1.5)) | "
                + "array<double> | [3.0, 1.0, 2.0, 1.5]",
        "arrays_overlap(a, n)               | arrays_overlap(a, n)               | boolean       | true",
        "arrays_overlap(a, array(9, NULL))  | arrays_overlap(a, array(9, NULL))  | boolean       | null",
        "arrays_overlap(a, array())         | arrays_overlap(a, array())         | boolean       | false",
        "array_join(w, '-')                 | array_join(w, -)                   | string        | x-y",
        "array_join(w, '-', '?')            | array_join(w, -, ?)                | string        | x-?-y",
        "array_max(n)                       | array_max(n)                       | int           | 4",
        "array_min(n)                       | array_min(n)                       | int           | 2",
        "array_max(d)                       | array_max(d)                       | double        | NaN",
        "array_max(array(NULL, NULL))       | array_max(array(NULL, NULL))       | void          | null",
        "array_size(n)                      | array_size(n)                      | int           | 3",
        "array_append(a, NULL)              | array_append(a, NULL)              | array<int>    | [3, 1, 2, 1, null]",
        "array_prepend(a, 7L)               | array_prepend(a, 7)                | array<bigint> | [7, 3, 1, 2, 1]",
        "array_compact(n)                   | array_compact(n)                   | array<int>    | [2, 4]",
        "array_repeat(t, i)                 | array_repeat(t, i)                 | array<string> | [k, k]",
        "array_repeat(t, -1)                | array_repeat(t, -1)                | array<string> | []",
        "flatten(array(a, n)) | flatten(array(a, n)) | "
                + "array<int> | [3, 1, 2, 1, 2, null, 4]",
        "flatten(array(a, NULL))            | flatten(array(a, NULL))            | array<int>    | null",
        "slice(a, 2, 2)                     | slice(a, 2, 2)                     | array<int>    | [1, 2]",
        "slice(a, -3, 9)                    | slice(a, -3, 9)                    | array<int>    | [1, 2, 1]",
        "slice(a, 5, 1)                     | slice(a, 5, 1)                     | array<int>    | []",
        "sort_array(n)                      | sort_array(n, true)                | array<int>    | [null, 2, 4]",
        "sort_array(n, false)               | sort_array(n, false)               | array<int>    | [4, 2, null]",
        "array_insert(a, 2, 9) | array_insert(a, 2, 9) | array<int> | [3, 9, 1, 2, 1]",
        "array_insert(a, 6, 9) | array_insert(a, 6, 9) | array<int> | [3, 1, 2, 1, null, 9]",
        "array_insert(a, -1, 9) | array_insert(a, -1, 9) | array<int> | [3, 1, 2, 1, 9]",
        "array_insert(a, -6, 9) | array_insert(a, -6, 9) | array<int> | [9, null, 3, 1, 2, 1]",
        "get(a, 0)                          | get(a, 0)                          | int           | 3",
        "get(a, 4)                          | get(a, 4)                          | int           | null",
        "get(a, -1)                         | get(a, -1)                         | int           | null",
        "map_keys(m)                        | map_keys(m)                        | array<string> | [k, j]",
        "map_values(m)                      | map_values(m)                      | array<int>    | [1, null]",
        "map_entries(m) | map_entries(m) | "
                + "array<struct<key:string,value:int>> | [{k, 1}, {j, null}]",
        "map_contains_key(m, t)             | map_contains_key(m, t)             | boolean       | true",
        "map_contains_key(m, 'z')           | map_contains_key(m, z)             | boolean       | false",
        "map_from_arrays(array(1, 2, 3), w) | map_from_arrays(array(1, 2, 3), w) | "
                + "map<int,string> | {1 -> x, 2 -> null, 3 -> y}",
        "map_from_entries(map_entries(m)) | map_from_entries(map_entries(m)) | "
                + "map<string,int> | {k -> 1, j -> null}",
        "map_concat(m, map('z', i)) | map_concat(m, map(z, i)) | "
                + "map<string,int> | {k -> 1, j -> null, z -> 2}",
        "str_to_map('a:1,b,c:3:4') | str_to_map(a:1,b,c:3:4, ,, :) | "
                + "map<string,string> | {a -> 1, b -> null, c -> 3:4}",
        "str_to_map('a=1;b=2', ';', '=') | str_to_map(a=1;b=2, ;, =) | "
                + "map<string,string> | {a -> 1, b -> 2}",
    })
    void functionsHaveSparkNamesTypesAndValues(String expression, String name, String type, String value) {
        CompiledExpression compiled = compile(expression);

        assertThat(compiled.name()).isEqualTo(name);
        assertThat(compiled.type().simpleString()).isEqualTo(type);
        assertThat(first(expression)).isEqualTo(value);
    }

    @Test
    void everyFunctionIsNullOnANullArrayOrMap() {
        for (String expression : List.of("array_contains(a, 1)", "array_position(a, 1)", "array_remove(a, 1)",
                "array_distinct(a)", "array_union(a, n)", "array_intersect(n, a)", "array_except(a, n)",
                "arrays_overlap(a, n)", "array_join(w, ',')", "array_max(a)", "array_min(a)", "array_size(a)",
                "array_append(a, 1)", "array_prepend(a, 1)", "array_compact(a)", "array_repeat(1, i)",
                "flatten(array(a))", "slice(a, 1, 1)", "sort_array(a)", "get(a, 0)", "map_keys(m)", "map_values(m)",
                "map_entries(m)", "map_contains_key(m, 'k')", "map_from_arrays(array_distinct(a), n)",
                "map_concat(m, map('z', 1))", "str_to_map(t)", "array_contains(array(1), i)",
                "array_position(array(1), i)")) {
            assertThat(eval(expression).get(1)).as(expression).isNull();
        }
    }

    @Test
    void anArrayCanHoldANullElementAppendedOrRepeated() {
        assertThat(first("array_repeat(i, 2)")).isEqualTo("[2, 2]");
        assertThat(eval("array_repeat(t, 2)").get(1)).isEqualTo(Arrays.asList(null, null));
        assertThat(eval("array_append(array(1), i)").get(1)).isEqualTo(Arrays.asList(1, null));
    }

    @Test
    void mapsBuiltFromArraysTextOrOtherMapsRefuseNullAndRepeatedKeys() {
        assertThat(runProblem("map_from_arrays(w, array(1, 2, 3))").message())
                .isEqualTo("[NULL_MAP_KEY] Cannot use null as map key.");
        assertThat(runProblem("map_from_arrays(a, array(1))").message()).isEqualTo("[_LEGACY_ERROR_TEMP_2128] The "
                + "key array and value array of MapData must have the same length.");
        assertThat(runProblem("map_from_arrays(a, a)").message()).isEqualTo("[DUPLICATED_MAP_KEY] Duplicate map key "
                + "1 was found, please check the input data. If you want to remove the duplicated keys, you can set "
                + "\"spark.sql.mapKeyDedupPolicy\" to \"LAST_WIN\" so that the key inserted at last takes "
                + "precedence.");
        assertThat(runProblem("map_concat(m, map('k', 5))").message()).isEqualTo("[DUPLICATED_MAP_KEY] Duplicate "
                + "map key k was found, please check the input data. If you want to remove the duplicated keys, you "
                + "can set \"spark.sql.mapKeyDedupPolicy\" to \"LAST_WIN\" so that the key inserted at last takes "
                + "precedence.");
        assertThat(runProblem("str_to_map('a:1,a:2')").message()).isEqualTo("[DUPLICATED_MAP_KEY] Duplicate map key "
                + "a was found, please check the input data. If you want to remove the duplicated keys, you can set "
                + "\"spark.sql.mapKeyDedupPolicy\" to \"LAST_WIN\" so that the key inserted at last takes "
                + "precedence.");
    }

    @Test
    void sliceRefusesAZeroStartAndANegativeLength() {
        assertThat(runProblem("slice(a, 0, 1)")).isEqualTo(new Problem(ErrorCode.INVALID_ARGUMENT_VALUE,
                ExpressionFixture.at(1, 1), "[INVALID_PARAMETER_VALUE.START] The value of parameter(s) `start` in "
                + "`slice` is invalid: Expects a positive or a negative value for `start`, but got 0."));
        assertThat(runProblem("slice(a, 1, -1)").message()).isEqualTo("[INVALID_PARAMETER_VALUE.LENGTH] The value of "
                + "parameter(s) `length` in `slice` is invalid: Expects `length` greater than or equal to 0, but got "
                + "-1.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "array_contains(i, 1)        | [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] argument 1 of 'array_contains' "
                + "must be an ARRAY, but 'i' has type INT",
        "array_contains(a, NULL)     | [DATATYPE_MISMATCH.NULL_TYPE] 'array_contains' cannot take a NULL of no type "
                + "as its value",
        "array_contains(a, 'x')      | [DATATYPE_MISMATCH.ARRAY_FUNCTION_DIFF_TYPES] 'array_contains' takes a value "
                + "of the array's element type INT, not STRING",
        "array_union(a, w)           | [DATATYPE_MISMATCH.BINARY_ARRAY_DIFF_TYPES] the arrays of 'array_union' must "
                + "have elements of one type, not ARRAY<INT> and ARRAY<STRING>",
        "array_distinct(array(m))    | [DATATYPE_MISMATCH.INVALID_ORDERING_TYPE] 'array_distinct' cannot compare "
                + "values of type ARRAY<MAP<STRING, INT>>: maps have no order",
        "array_join(a, ',')          | [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] argument 1 of 'array_join' must be "
                + "an ARRAY<STRING>, but 'a' has type ARRAY<INT>",
        "array_repeat(1, 2L)         | [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] argument 2 of 'array_repeat' must "
                + "be an INT, but '2' has type BIGINT",
        "flatten(a)                  | [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] argument 1 of 'flatten' must be an "
                + "ARRAY of ARRAYs, but 'a' has type ARRAY<INT>",
        "sort_array(a, i > 1)        | [DATATYPE_MISMATCH.NON_FOLDABLE_INPUT] the order of 'sort_array' must be a "
                + "constant BOOLEAN, but '(i > 1)' is not",
        "map_keys(a)                 | [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] argument 1 of 'map_keys' must be a "
                + "MAP, but 'a' has type ARRAY<INT>",
        "map_contains_key(m, 1.5D)   | [DATATYPE_MISMATCH.MAP_FUNCTION_DIFF_TYPES] the key of 'map_contains_key' "
                + "must have the map's key type STRING, not DOUBLE",
        "map_from_arrays(array(m), a) | [DATATYPE_MISMATCH.INVALID_MAP_KEY_TYPE] a map key cannot be or hold a map, "
                + "but the keys are MAP<STRING, INT>",
        "map_concat(m, a)            | [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] argument 2 of 'map_concat' must be "
                + "a MAP, but 'a' has type ARRAY<INT>",
    })
    void misusesAreRefusedWithSparkErrorClasses(String expression, String message) {
        Problem problem = compileProblem(expression);

        assertThat(problem.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(problem.message()).isEqualTo(message);
    }
}
