package sluice.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.engine.expr.ExpressionFixture.compile;
import static sluice.engine.expr.ExpressionFixture.compileProblem;
import static sluice.engine.expr.ExpressionFixture.first;
import static sluice.engine.expr.ExpressionFixture.runProblem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Problem;

/**
 * get_json_object, json_array_length, json_object_keys and schema_of_json: Spark 4.1's values (checked with Spark
 * local mode), its names and its refusals.
 */
class JsonTextFunctionsTest {
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiterString = " ## ", quoteCharacter = '`', value = {
        "$.a ## {\"a\":\"b\"} ## b",
        "$.a ## {\"a\":[1,2]} ## [1,2]",
        "$.a[*] ## {\"a\":[\"x\"]} ## \"x\"",
        "$.a[*] ## {\"a\":[\"x\",\"y\"]} ## [\"x\",\"y\"]",
        "$.a.x ## {\"a\":{\"x\":1},\"a\":{\"y\":2}} ## 1",
        "$.a ## {\"a\":1.0e2} ## 100.0",
        "$[*][*] ## [[1,2],[3,[4,5]]] ## [1,2,3,4,5]",
        "$['a b'] ## {\"a b\":1} ## 1",
        "$. a ## {\"a\":1} ## 1",
        "$.* ## {\"a\":1} ## null",
        "a ## {\"a\":1} ## null",
        "$.a ## {'a':1} ## 1",
        "$.a ## {\"a\":1} xx ## 1",
        "$.a ## {\"a\":1 ## null",
        "$.a[*].b ## {\"a\":[{\"b\":1},{\"b\":2}]} ## [1,2]",
        "$.a[*].b ## {\"a\":[{\"b\":1},{\"c\":2}]} ## 1",
        "$.a[*][*].b ## {\"a\":[[{\"b\":1}],[{\"b\":2}]]} ## null",
        "$.a ## {\"a\":NaN} ## null",
        "$.a[5] ## {\"a\":[1,2,3]} ## null",
        "$.a[1] ## {\"a\":[1,2,3]} ## 2",
        "$.a ## {\"a\":null} ## null",
        "$ ## {\"a\":\"\uD83D\uDE00\"} ## `{\"a\":\"\\uD83D\\uDE00\"}`",
    })
    void getJsonObjectFollowsSparksPathRules(String path, String json, String expected) {
        String expression = "get_json_object('" + json.replace("'", "''") + "', '" + path.replace("'", "''") + "')";

        assertThat(first(expression)).isEqualTo(expected);
    }

    @Test
    void getJsonObjectIsNamedAsSparkNamesIt() {
        assertThat(compile("get_json_object(j, '$.a')").name()).isEqualTo("get_json_object(j, $.a)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ## ", quoteCharacter = '`', value = {
        "json_array_length('[1,2,[3,4]]') ## 3",
        "json_array_length('[1,2') ## null",
        "json_array_length('{}') ## null",
        "json_array_length('') ## null",
        "json_object_keys('{\"a\":1,\"b\":{\"c\":2}}') ## [a, b]",
        "json_object_keys('{}') ## []",
        "json_object_keys('[1]') ## null",
        "json_object_keys('{\"a\":1') ## null",
    })
    void arrayLengthAndObjectKeysReadTheOutermostValue(String expression, String expected) {
        assertThat(first(expression)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ## ", quoteCharacter = '`', value = {
        "{\"a\":1,\"B\":[1.5,2],\"c\":null,\"d\":\"\",\"e\":[],\"f\":{},\"g h\":true} ## "
                + "STRUCT<B: ARRAY<DOUBLE>, a: BIGINT, c: STRING, d: STRING, e: ARRAY<STRING>, `g h`: BOOLEAN>",
        "[{\"col\":0}] ## ARRAY<STRUCT<col: BIGINT>>",
        "1 ## BIGINT",
        "'' ## STRING",
        "[] ## ARRAY<STRING>",
        "[1,\"a\"] ## ARRAY<STRING>",
        "[1,2.5] ## ARRAY<DOUBLE>",
        "[1,12345678901234567890] ## ARRAY<DECIMAL(20,0)>",
        "{\"a\":1} x ## STRUCT<a: BIGINT>",
        "{\"b\":1,\"a\":2,\"a\":\"x\"} ## STRUCT<a: BIGINT, a: STRING, b: BIGINT>",
        "[{\"a\":1},{\"b\":2}] ## ARRAY<STRUCT<a: BIGINT, b: BIGINT>>",
        "[[1],[\"x\"]] ## ARRAY<ARRAY<STRING>>",
    })
    void schemaOfJsonIsSparksInferredDdl(String json, String ddl) {
        String text = json.equals("''") ? "" : json;

        assertThat(first("schema_of_json('" + text + "')")).isEqualTo(ddl);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ## ", quoteCharacter = '`', value = {
        "schema_of_json('[{\"col\":01}]', map('allowNumericLeadingZeros', 'true')) ## ARRAY<STRUCT<col: BIGINT>>",
        "schema_of_json('{\"a\":1,\"b\":true}', map('primitivesAsString', 'TRUE')) ## STRUCT<a: STRING, b: STRING>",
        "schema_of_json('{\"a\":1.5,\"b\":\"2.25\"}', map('prefersDecimal', 'true')) ## "
                + "STRUCT<a: DECIMAL(2,1), b: DECIMAL(3,2)>",
        "schema_of_json('{\"a\":null,\"b\":1}', map('dropFieldIfAllNull', 'true')) ## STRUCT<b: BIGINT>",
    })
    void schemaOfJsonTakesSparksInferenceOptions(String expression, String ddl) {
        assertThat(first(expression)).isEqualTo(ddl);
    }

    @Test
    void schemaOfJsonRefusesAnOptionThatDoesNotChangeInference() {
        Problem problem = compileProblem("schema_of_json('1', map('dateFormat', 'yyyy'))");

        assertThat(problem.code()).isEqualTo(ErrorCode.WRONG_ARGUMENTS);
        assertThat(problem.message()).isEqualTo("schema_of_json option 'dateFormat' is not in Sluice, which takes "
                + "allowBackslashEscapingAnyCharacter, allowComments, allowNonNumericNumbers, "
                + "allowNumericLeadingZeros, allowSingleQuotes, allowUnquotedControlChars, allowUnquotedFieldNames, "
                + "dropFieldIfAllNull, prefersDecimal, primitivesAsString");
    }

    @Test
    void schemaOfJsonRefusesAColumn() {
        Problem problem = compileProblem("schema_of_json(j)");

        assertThat(problem.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(problem.message()).isEqualTo(
                "[DATATYPE_MISMATCH.NON_FOLDABLE_INPUT] the text of schema_of_json must be a constant, not 'j'");
    }

    @Test
    void schemaOfJsonStopsOnTextThatIsNotJson() {
        Problem problem = runProblem("schema_of_json('{\"a\":')");

        assertThat(problem.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT_VALUE);
        assertThat(problem.message()).isEqualTo("schema_of_json cannot read its text as JSON: Unexpected "
                + "end-of-input within/between Object entries");
    }

    @Test
    void textArgumentsMustBeStringsAlready() {
        Problem problem = compileProblem("json_array_length(i)");

        assertThat(problem.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(problem.message()).isEqualTo(
                "[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] json_array_length requires STRING but 'i' has type INT");
    }
}
