package sluice.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
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
 * ARRAY, MAP and STRUCT in expressions as Spark 4 has them: array, map, named_struct and struct, a[i], m[k], s.f,
 * element_at, size, comparisons, casts and Spark's generated names. Row 0 holds values, row 1 nulls.
 */
class ComplexTypesTest {
    private static final Schema SCHEMA = SchemaParser.parse("a ARRAY<INT>, m MAP<STRING, INT>, "
            + "s STRUCT<x: INT, y: STRING>, ps ARRAY<STRUCT<x: INT>>, i INT, t STRING", ExpressionFixture.WHERE);
    private static final Batch BATCH = Batch.ofRows(SCHEMA, List.of(
            Row.of(Arrays.asList(1, 2, null), new MapValue(List.of("k", "j"), Arrays.asList(1, null)), Row.of(1, "x"),
                    Arrays.asList(Row.of(1), Row.of((Object) null), null), 3, "k"),
            Row.of(null, null, null, null, null, null)));
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

    /** Row 0 as Spark's CAST(x AS STRING) writes it. */
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

    static Stream<Arguments> constructors() {
        return Stream.of(
                Arguments.of("array(1, 2, NULL)", "array(1, 2, NULL)",
                        "array<int>", "[1, 2, null]"),
                Arguments.of("array(i, 2L)", "array(i, 2)",
                        "array<bigint>", "[3, 2]"),
                Arguments.of("array()", "array()",
                        "array<void>", "[]"),
                Arguments.of("array(array(1), array(2L, 3))", "array(array(1), array(2, 3))",
                        "array<array<bigint>>", "[[1], [2, 3]]"),
                Arguments.of("map('a', 1, 'b', NULL)", "map(a, 1, b, NULL)",
                        "map<string,int>", "{a -> 1, b -> null}"),
                Arguments.of("map(1, 'x', 2L, 'y')", "map(1, x, 2, y)",
                        "map<bigint,string>", "{1 -> x, 2 -> y}"),
                Arguments.of("map()", "map()",
                        "map<void,void>", "{}"),
                Arguments.of("named_struct('x', i, 'y', t)", "named_struct(x, i, y, t)",
                        "struct<x:int,y:string>", "{3, k}"),
                Arguments.of("struct(i, t AS label, i + 1)", "struct(i, t AS label, (i + 1))",
                        "struct<i:int,label:string,col3:int>", "{3, k, 4}"),
                Arguments.of("struct(s.x, m['k'], a[0], I)", "struct(s.x, m[k], a[0], I)",
                        "struct<x:int,k:int,col3:int,I:int>", "{1, 1, 1, 3}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constructors")
    void constructorsHaveSparkTypesNamesAndValues(String expression, String name, String type, String value) {
        CompiledExpression compiled = compile(expression);

        assertThat(compiled.name()).isEqualTo(name);
        assertThat(compiled.type().simpleString()).isEqualTo(type);
        assertThat(first(expression)).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a[0]                  | a[0]                  | 1",
        "a[2]                  | a[2]                  | null",
        "a[1L]                 | a[1]                  | 2",
        "m['k']                | m[k]                  | 1",
        "m['absent']           | m[absent]             | null",
        "m[t]                  | m[t]                  | 1",
        "s.x                   | x                     | 1",
        "S.Y                   | Y                     | x",
        "s['y']                | s.y                   | x",
        "ps.x                  | x                     | [1, null, null]",
        "ps[0].x               | ps[0].x               | 1",
        "named_struct('a', i).a | named_struct(a, i).a | 3",
        "element_at(a, 1)      | element_at(a, 1)      | 1",
        "element_at(a, -3)     | element_at(a, -3)     | 1",
        "element_at(m, 'k')    | element_at(m, k)      | 1",
        "element_at(m, 'zz')   | element_at(m, zz)     | null",
        "try_element_at(a, 9)  | try_element_at(a, 9)  | null",
        "size(a)               | size(a)               | 3",
        "cardinality(m)        | cardinality(m)        | 2",
    })
    void extractorsHaveSparkNamesAndValues(String expression, String name, String value) {
        CompiledExpression compiled = compile(expression);

        assertThat(compiled.name()).isEqualTo(name);
        assertThat(first(expression)).isEqualTo(value);
    }

    @Test
    void everyExtractorIsNullOnANullRow() {
        for (String expression : List.of("a[0]", "m['k']", "s.x", "ps.x", "element_at(a, 1)", "size(a)", "size(m)")) {
            assertThat(eval(expression).get(1)).as(expression).isNull();
        }
    }

    @Test
    void anIndexPastTheEndIsSparkInvalidArrayIndex() {
        assertThat(runProblem("a[3]")).isEqualTo(new Problem(ErrorCode.INVALID_ARGUMENT_VALUE,
                ExpressionFixture.at(1, 1), "[INVALID_ARRAY_INDEX] The index 3 is out of bounds. The array has 3 "
                + "elements. Use the SQL function `get()` to tolerate accessing element at invalid index and return "
                + "NULL instead."));
        assertThat(runProblem("a[-1]").message()).isEqualTo("[INVALID_ARRAY_INDEX] The index -1 is out of bounds. "
                + "The array has 3 elements. Use the SQL function `get()` to tolerate accessing element at invalid "
                + "index and return NULL instead.");
        assertThat(runProblem("element_at(a, 4)").message())
                .isEqualTo("[INVALID_ARRAY_INDEX_IN_ELEMENT_AT] The index 4 is out of bounds. The array has 3 "
                        + "elements. Use `try_element_at` to tolerate accessing element at invalid index and return "
                        + "NULL instead.");
        assertThat(runProblem("element_at(a, 0)").message()).isEqualTo("[INVALID_INDEX_OF_ZERO] The index 0 is "
                + "invalid. An index shall be either < 0 or > 0 (the first element has index 1).");
    }

    @Test
    void mapKeysMustBeNonNullAndDistinct() {
        assertThat(runProblem("map('a', 1, 'a', 2)")).isEqualTo(new Problem(ErrorCode.INVALID_ARGUMENT_VALUE,
                ExpressionFixture.at(1, 1), "[DUPLICATED_MAP_KEY] Duplicate map key a was found, please check the "
                + "input data. If you want to remove the duplicated keys, you can set \"spark.sql.mapKeyDedupPolicy\" "
                + "to \"LAST_WIN\" so that the key inserted at last takes precedence."));
        assertThat(runProblem("map(t, 1)").message()).isEqualTo("[NULL_MAP_KEY] Cannot use null as map key.");
    }

    @Test
    void negativeZeroIsStoredAsZeroInMapKeys() {
        assertThat(first("map(-0.0D, 1)")).isEqualTo("{0.0 -> 1}");
        // Spark names the key as given, before it is stored as 0.0.
        assertThat(runProblem("map(0.0D, 1, -0.0D, 2)").message()).isEqualTo("[DUPLICATED_MAP_KEY] Duplicate map "
                + "key -0.0 was found, please check the input data. If you want to remove the duplicated keys, you "
                + "can set \"spark.sql.mapKeyDedupPolicy\" to \"LAST_WIN\" so that the key inserted at last takes "
                + "precedence.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a = array(1, 2, NULL)                   | true",
        "a < array(1, 3)                         | true",
        "a > array(1)                            | true",
        "array(1, NULL) < array(1, 0)            | true",
        "s = named_struct('x', 1, 'y', 'x')      | true",
        "named_struct('a', NULL) < named_struct('a', 1) | true",
        "a IN (array(1), array(1, 2, NULL))      | true",
        "greatest(array(1, 2), array(1, 3))      | [1, 3]",
        "coalesce(m, map('z', 0))                | {k -> 1, j -> null}",
    })
    void arraysAndStructsCompareAsSparkOrdersThem(String expression, String value) {
        assertThat(first(expression)).isEqualTo(value);
    }

    @Test
    void mapsCannotBeCompared() {
        assertThat(compileProblem("m = m")).isEqualTo(new Problem(ErrorCode.TYPE_MISMATCH, ExpressionFixture.at(1, 1),
                "[DATATYPE_MISMATCH.INVALID_ORDERING_TYPE] '=' cannot compare values of type MAP<STRING, INT>: maps "
                + "have no order"));
        assertThat(compileProblem("array(m) IN (array(m))").code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(compileProblem("greatest(m, m)").code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "CAST(a AS ARRAY<STRING>)                   | array<string>               | [1, 2, null]",
        "CAST(m AS MAP<STRING, BIGINT>)             | map<string,bigint>          | {k -> 1, j -> null}",
        "CAST(s AS STRUCT<p: BIGINT, q: STRING>)    | struct<p:bigint,q:string>   | {1, x}",
        "CAST(a AS STRING)                          | string                      | [1, 2, null]",
        "CAST(m AS STRING)                          | string                      | {k -> 1, j -> null}",
        "CAST(s AS STRING)                          | string                      | {1, x}",
        "CAST(NULL AS MAP<INT, INT>)                | map<int,int>                | null",
    })
    void castsBetweenComplexTypesConvertEveryPart(String expression, String type, String value) {
        assertThat(compile(expression).type().simpleString()).isEqualTo(type);
        // A cast of a column is named by the column; Spark prints no CAST around a complex target anyway.
        assertThat(compile(expression).name()).isEqualTo(expression.substring(5, expression.indexOf(" AS ")));
        assertThat(first(expression)).isEqualTo(value);
    }

    @Test
    void aCastToAComplexTypeIsNamedAsItsOperand() {
        assertThat(compile("CAST(array(i) AS ARRAY<STRING>)").name()).isEqualTo("array(i)");
        assertThat(compile("TRY_CAST(map('k', i) AS MAP<STRING, STRING>)").name()).isEqualTo("map(k, i)");
        assertThat(compile("CAST(array(i) AS STRING)").name()).isEqualTo("CAST(array(i) AS STRING)");
    }

    @Test
    void anElementThatDoesNotConvertFailsTheCastAndIsNullUnderTryCast() {
        assertThat(runProblem("CAST(array('1', 'x') AS ARRAY<INT>)").message()).isEqualTo("[CAST_INVALID_INPUT] The "
                + "value 'x' of the type \"STRING\" cannot be cast to \"INT\" because it is malformed. Correct the "
                + "value as per the syntax, or change its target type. Use `try_cast` to tolerate malformed input "
                + "and return NULL instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this "
                + "error.");
        assertThat(eval("TRY_CAST(array('1', 'x') AS ARRAY<INT>)").get(0)).isEqualTo(Arrays.asList(1, null));
        assertThat(first("TRY_CAST(map('a', 'x') AS MAP<STRING, INT>)")).isEqualTo("{a -> null}");
        assertThat(first("TRY_CAST(named_struct('a', 'x', 'b', '2') AS STRUCT<a: INT, b: INT>)"))
                .isEqualTo("{null, 2}");
        assertThat(runProblem("array(1, 'x')").message()).isEqualTo("[CAST_INVALID_INPUT] The value 'x' of the type "
                + "\"STRING\" cannot be cast to \"BIGINT\" because it is malformed. Correct the value as per the "
                + "syntax, or change its target type. Use `try_cast` to tolerate malformed input and return NULL "
                + "instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error.");
    }

    static Stream<Arguments> misuses() {
        return Stream.of(
                misuse("CAST(t AS ARRAY<INT>)", ErrorCode.TYPE_MISMATCH,
                        "cannot cast STRING to ARRAY<INT>"),
                misuse("CAST(m AS ARRAY<INT>)", ErrorCode.TYPE_MISMATCH,
                        "cannot cast MAP<STRING, INT> to ARRAY<INT>"),
                misuse("i[0]", ErrorCode.TYPE_MISMATCH,
                        "[INVALID_EXTRACT_BASE_FIELD_TYPE] cannot take a value out of 'i': it is INT, not a "
                        + "STRUCT, ARRAY or MAP"),
                misuse("a['1']", ErrorCode.TYPE_MISMATCH,
                        "[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] the index of 'a' must be an integral type, not "
                        + "STRING"),
                misuse("s.width", ErrorCode.UNKNOWN_COLUMN,
                        "[FIELD_NOT_FOUND] no field 'width' in STRUCT<x: INT, y: STRING>"),
                misuse("s = named_struct('p', 1, 'q', 'x')", ErrorCode.TYPE_MISMATCH,
                        "the operands of '=' have incompatible types STRUCT<x: INT, y: STRING> and STRUCT<p: INT, "
                        + "q: STRING>"),
                misuse("s[1]", ErrorCode.TYPE_MISMATCH,
                        "[INVALID_EXTRACT_FIELD_TYPE] a struct's field name must be a string literal, not '1'"),
                misuse("element_at(a, 1L)", ErrorCode.TYPE_MISMATCH,
                        "[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] argument 2 of 'element_at' must be an INT, but "
                        + "'1' has type BIGINT"),
                misuse("element_at(m, 1.5D)", ErrorCode.TYPE_MISMATCH,
                        "[DATATYPE_MISMATCH.MAP_FUNCTION_DIFF_TYPES] the key of 'element_at' must have the map's "
                        + "key type STRING, not DOUBLE"),
                misuse("size(i)", ErrorCode.TYPE_MISMATCH,
                        "[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] argument 1 of 'size' must be an ARRAY or a "
                        + "MAP, but 'i' has type INT"),
                misuse("array(1, DATE '2024-01-01')", ErrorCode.TYPE_MISMATCH,
                        "[DATATYPE_MISMATCH.DATA_DIFF_TYPES] the elements of 'array' have no common type: INT, "
                        + "DATE"),
                misuse("map('a', 1, 'b')", ErrorCode.WRONG_ARGUMENTS,
                        "[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] function 'map' takes an even number of arguments "
                        + "(keys and values) but 3 were given"),
                misuse("map(m, 1)", ErrorCode.TYPE_MISMATCH,
                        "[DATATYPE_MISMATCH.INVALID_MAP_KEY_TYPE] a map key cannot be or hold a map, but the keys "
                        + "are MAP<STRING, INT>"),
                misuse("named_struct(t, 1)", ErrorCode.TYPE_MISMATCH,
                        "[DATATYPE_MISMATCH.CREATE_NAMED_STRUCT_WITHOUT_FOLDABLE_STRING] the field names of "
                        + "'named_struct' must be constant strings, but 't' is not"));
    }

    private static Arguments misuse(String expression, ErrorCode code, String message) {
        return Arguments.of(expression, code, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misuses")
    void misuseIsAProblemWithSparkErrorClass(String expression, ErrorCode code, String message) {
        Problem problem = compileProblem(expression);

        assertThat(problem.code()).isEqualTo(code);
        assertThat(problem.message()).isEqualTo(message);
    }

    @Test
    void anAliasIsAllowedInsideStructOnly() {
        assertThat(compileProblem("upper(t AS u)").code()).isEqualTo(ErrorCode.EXPRESSION_SYNTAX);
        assertThat(compile("struct(t u, i AS `n m`)").name()).isEqualTo("struct(t AS u, i AS `n m`)");
    }

    @Test
    void toJsonWritesMapsAsObjects() {
        assertThat(first("to_json(m)")).isEqualTo("{\"k\":1,\"j\":null}");
        assertThat(first("to_json(map(1, array(2)))")).isEqualTo("{\"1\":[2]}");
    }

    @Test
    void toJsonNamesAStructKeyAsSparksRowDoes() {
        assertThat(first("to_json(map(named_struct('a', 1, 'b', 'x'), named_struct('b', 2)))"))
                .isEqualTo("{\"[1,x]\":{\"b\":2}}");
    }

    @Test
    void jsonFunctionsTakeDatetimePatternsAsOptions() {
        assertThat(first("from_json('{\"time\":\"26/08/2015\"}', 'time TIMESTAMP', map('timestampFormat', "
                + "'dd/MM/yyyy')).time")).isEqualTo("2015-08-26 00:00:00");
        assertThat(first("from_json('{\"d\":\"26/08/2015\", \"e\":\"2015-08-26\"}', 'd DATE, e DATE', "
                + "map('dateFormat', 'dd/MM/yyyy'))")).isEqualTo("{2015-08-26, null}");
        assertThat(first("to_json(named_struct('time', to_timestamp('2015-08-26', 'yyyy-MM-dd'), 'd', "
                + "DATE'2015-08-27'), map('timestampFormat', 'dd/MM/yyyy', 'dateformat', 'yyyy/MM/dd'))"))
                .isEqualTo("{\"time\":\"26/08/2015\",\"d\":\"2015/08/27\"}");
        assertThat(compile("to_json(s, map('timestampFormat', 'yyyy'))").name()).isEqualTo("to_json(s)");
    }

    @Test
    void jsonFunctionsReadAndWriteTimestampNtzAsSparkDoes() {
        assertThat(first("from_json('{\"a\": \"2024-01-01T10:00:00\", \"b\": \"2024-01-01T10:00:00Z\"}', "
                + "'a TIMESTAMP_NTZ, b TIMESTAMP_NTZ')")).isEqualTo("{2024-01-01 10:00:00, null}");
        assertThat(first("from_json('{\"a\": \"01/02/2024 10:30\"}', 'a TIMESTAMP_NTZ', "
                + "map('timestampNTZFormat', 'dd/MM/yyyy HH:mm'))")).isEqualTo("{2024-02-01 10:30:00}");
        assertThat(first("to_json(named_struct('a', TIMESTAMP_NTZ '2024-01-01 10:00:00'))"))
                .isEqualTo("{\"a\":\"2024-01-01T10:00:00.000\"}");
        assertThat(first("to_json(named_struct('a', TIMESTAMP_NTZ '2024-01-01 10:00:00'), "
                + "map('timestampNTZFormat', 'dd/MM/yyyy HH:mm', 'timestampFormat', 'yyyy'))"))
                .isEqualTo("{\"a\":\"01/01/2024 10:00\"}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "eXk=     | {yy, x}",
        "eXl5 eQ==| {yyyy, x}",
        "yy!y     | {null, x}",
        "eXl5eQ   | {null, x}",
        "yyy      | {null, x}",
        "yyyyy    | {null, null}",
        "eXl5eQ=  | {null, null}",
    })
    void fromJsonLosesTheRecordWhereSparksParserLosesItsPlaceInBase64(String base64, String struct) {
        String json = "{\"b\":\"" + base64 + "\",\"s\":\"x\"}";

        assertThat(first("from_json('" + json + "', 'b BINARY, s STRING')")).isEqualTo(struct);
    }

    @Test
    void jsonOptionsAreAMapOfConstantStringsThatSluiceReads() {
        assertThat(compileProblem("from_json(t, 'a INT', map('mode', 'FAILFAST'))").message())
                .isEqualTo("from_json option 'mode' is not in Sluice, which takes dateFormat, timestampFormat and "
                        + "timestampNTZFormat");
        assertThat(compileProblem("to_json(s, map('dateFormat', t))").code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(compileProblem("to_json(s, 'dateFormat')").code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
    }

    @Test
    void concatAndReverseTakeArraysAsSpark() {
        assertThat(first("concat(array(1, 2), a, array(CAST(4 AS BIGINT)))")).isEqualTo("[1, 2, 1, 2, null, 4]");
        assertThat(compile("concat(array(1, 2), array(CAST(4 AS BIGINT)))").type().sql()).isEqualTo("ARRAY<BIGINT>");
        assertThat(eval("concat(array(1), a)").get(1)).isNull();
        assertThat(first("array(1) || array(2)")).isEqualTo("[1, 2]");
        assertThat(first("reverse(a)")).isEqualTo("[null, 2, 1]");
        assertThat(eval("reverse(a)").get(1)).isNull();
        assertThat(first("reverse(t)")).isEqualTo("k");
        assertThat(compileProblem("concat(array(1), array('x'))").code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
    }

    @Test
    void structOfStarHoldsEveryInputColumnUnderItsName() {
        CompiledExpression whole = compile("struct(*)");

        assertThat(whole.type().sql()).isEqualTo("STRUCT<a: ARRAY<INT>, m: MAP<STRING, INT>, "
                + "s: STRUCT<x: INT, y: STRING>, ps: ARRAY<STRUCT<x: INT>>, i: INT, t: STRING>");
        assertThat(whole.name()).isEqualTo("struct(a, m, s, ps, i, t)");
        assertThat(first("to_json(struct(*))")).isEqualTo("{\"a\":[1,2,null],\"m\":{\"k\":1,\"j\":null},"
                + "\"s\":{\"x\":1,\"y\":\"x\"},\"ps\":[{\"x\":1},{},null],\"i\":3,\"t\":\"k\"}");
        assertThat(first("struct(i AS j, *).j")).isEqualTo("3");
    }

    @Test
    void starOutsideCountAndStructIsAProblem() {
        Problem problem = compileProblem("upper(*)");

        assertThat(problem.code()).isEqualTo(ErrorCode.EXPRESSION_SYNTAX);
        assertThat(problem.message()).isEqualTo("'*' is allowed only in count(*) and struct(*)");
    }
}
