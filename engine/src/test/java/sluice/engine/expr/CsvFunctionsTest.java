package sluice.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.engine.expr.ExpressionFixture.compile;
import static sluice.engine.expr.ExpressionFixture.compileProblem;
import static sluice.engine.expr.ExpressionFixture.eval;
import static sluice.engine.expr.ExpressionFixture.first;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Problem;

/**
 * from_csv, to_csv and schema_of_csv: Spark 4.1's records and schemas (the functions-csv compatibility cases check
 * them against Spark), names and refusals.
 */
class CsvFunctionsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ## ", quoteCharacter = '`', value = {
        "to_csv(named_struct('a', 1, 'b', 2)) ## 1,2",
        "to_csv(named_struct('time', to_timestamp('2015-08-26', 'yyyy-MM-dd')), map('timestampFormat', "
                + "'dd/MM/yyyy')) ## 26/08/2015",
        "to_csv(named_struct('d', d, 't', ts)) ## 2015-01-02,2015-01-02T10:20:30.000Z",
        "to_csv(named_struct('a', 'x,y', 'b', 'say \"hi\"', 'c', '', 'n', CAST(NULL AS INT), 'w', ' w ')) ## "
                + "`\"x,y\",\"say \\\"hi\\\"\",\"\",,w`",
        "to_csv(named_struct('a', array(1, NULL, 3), 'm', map('k', 1, 'l', NULL), 's', named_struct('x', 1, 'y', "
                + "CAST(NULL AS INT)))) ## `\"[1,, 3]\",\"{k -> 1, l ->}\",\"{1,}\"`",
        "to_csv(named_struct('a', array(NULL, 2), 'z', CAST(NULL AS STRING)), map('nullValue', 'NA')) ## "
                + "`\"[ NA, 2]\",NA`",
        "to_csv(named_struct('a', 'x', 'b', ''), map('SEP', ';', 'quoteAll', 'true')) ## `\"x\";\"\"`",
        "to_csv(named_struct('a', 1, 'b', 2), map('delimiter', ';')) ## 1;2",
        "to_csv(named_struct('a', 1, 'b', 2), map('delimiter', ';', 'sep', '|')) ## 1|2",
    })
    void writesOneRecordAsSparksWriter(String expression, String expected) {
        assertThat(first(expression)).isEqualTo(expected);
    }

    @Test
    void readsAndWritesTimestampNtzByTimestampNtzFormat() {
        assertThat(first("to_csv(named_struct('a', TIMESTAMP_NTZ '2024-01-01 10:00:00'))"))
                .isEqualTo("2024-01-01T10:00:00.000");
        assertThat(first("to_csv(named_struct('a', TIMESTAMP_NTZ '2024-01-01 10:00:00'), "
                + "map('timestampNTZFormat', 'dd/MM/yyyy HH:mm'))")).isEqualTo("01/01/2024 10:00");
        assertThat(first("CAST(from_csv('01/02/2024 10:30,2024-01-01T10:00:00', 'a TIMESTAMP_NTZ, b TIMESTAMP_NTZ', "
                + "map('timestampNTZFormat', 'dd/MM/yyyy HH:mm')) AS STRING)"))
                .isEqualTo("{2024-02-01 10:30:00, null}");
        assertThat(first("schema_of_csv('2024-01-01T10:00:00')")).isEqualTo("STRUCT<_c0: TIMESTAMP>");
    }

    @Test
    void aNullStructIsNullAndNullFieldsAreEmpty() {
        assertThat(eval("to_csv(CASE WHEN i = 3 THEN named_struct('a', i) END)")).containsExactly("3", null);
        assertThat(eval("to_csv(named_struct('s', s, 'i', i))")).containsExactly("Hello World,3", ",");
    }

    @Test
    void isNamedByItsValueOnlyAsSparkNamesIt() {
        assertThat(compile("to_csv(named_struct('a', i), map('sep', ';'))").name())
                .isEqualTo("to_csv(named_struct(a, i))");
    }

    @Test
    void refusesAValueThatIsNoStruct() {
        Problem problem = compileProblem("to_csv(i)");

        assertThat(problem.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(problem.message()).isEqualTo("[DATATYPE_MISMATCH.UNSUPPORTED_INPUT_TYPE] the input of to_csv can't "
                + "be INT type data; it takes a STRUCT");
    }

    @Test
    void refusesOptionsSluiceHasNotRatherThanIgnoringThem() {
        Problem problem = compileProblem("to_csv(named_struct('a', i), map('lineSep', ';'))");

        assertThat(problem.code()).isEqualTo(ErrorCode.WRONG_ARGUMENTS);
        assertThat(problem.message()).isEqualTo("to_csv option 'lineSep' is not in Sluice, which takes dateFormat, "
                + "delimiter, emptyValue, escape, escapeQuotes, nullValue, quote, quoteAll, sep, timestampFormat, "
                + "timestampNTZFormat");
    }

    @Test
    void takesASeparatorOfSeveralCharactersAndQuotesValuesHoldingAllOfIt() {
        assertThat(first("to_csv(named_struct('a', 'x|y', 'b', 'x||y'), map('sep', '||'))"))
                .isEqualTo("x|y||\"x||y\"");
    }

    @Test
    void refusesAnEmptySeparator() {
        Problem problem = compileProblem("to_csv(named_struct('a', i), map('sep', ''))");

        assertThat(problem.code()).isEqualTo(ErrorCode.WRONG_ARGUMENTS);
        assertThat(problem.message()).isEqualTo("to_csv option 'sep' cannot be empty");
    }

    @Test
    void fromCsvReadsOneRecordWithTheFileSourcesParser() {
        assertThat(first("from_csv('1, 0.8', 'a INT, b DOUBLE')"))
                .isEqualTo(first("named_struct('a', 1, 'b', CAST(0.8 AS DOUBLE))"));
        assertThat(first("from_csv('x,2', 'a INT, b INT, _corrupt_record STRING')"))
                .isEqualTo(first("named_struct('a', CAST(NULL AS INT), 'b', 2, 'c', 'x,2')"));
        assertThat(eval("from_csv(CASE WHEN i = 3 THEN '7' END, 'a INT')"))
                .containsExactly(eval("named_struct('a', 7)").get(0), null);
    }

    @Test
    void fromCsvIsNamedByItsTextOnly() {
        assertThat(compile("from_csv(s, 'a INT', map('sep', ';'))").name()).isEqualTo("from_csv(s)");
    }

    @Test
    void fromCsvRefusesDropMalformedAsSparkDoes() {
        Problem problem = compileProblem("from_csv(s, 'a INT', map('mode', 'DROPMALFORMED'))");

        assertThat(problem.code()).isEqualTo(ErrorCode.WRONG_ARGUMENTS);
        assertThat(problem.message()).isEqualTo("[PARSE_MODE_UNSUPPORTED] the function from_csv doesn't support the "
                + "DROPMALFORMED mode; acceptable modes are PERMISSIVE and FAILFAST");
    }

    @Test
    void fromCsvRefusesACorruptRecordColumnThatIsNoString() {
        Problem problem = compileProblem("from_csv(s, 'a INT, _corrupt_record INT')");

        assertThat(problem.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(problem.message()).isEqualTo("[INVALID_CORRUPT_RECORD_TYPE] the column '_corrupt_record' for "
                + "corrupt records must have the nullable STRING type, but got INT");
    }

    @Test
    void fromCsvFailFastStopsAtAMalformedRecord() {
        Problem problem = ExpressionFixture.runProblem("from_csv('x', 'a INT', map('mode', 'FAILFAST'))");

        assertThat(problem.code()).isEqualTo(ErrorCode.MALFORMED_RECORD);
        assertThat(problem.message()).isEqualTo("[MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION] Malformed records "
                + "are detected in record parsing: x. Parse Mode: FAILFAST. To process malformed records as null "
                + "result, try setting the option 'mode' as 'PERMISSIVE'.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ## ", quoteCharacter = '`', value = {
        "schema_of_csv('1,abc') ## STRUCT<_c0: INT, _c1: STRING>",
        "schema_of_csv('1;abc', map('delimiter', ';')) ## STRUCT<_c0: INT, _c1: STRING>",
        "schema_of_csv('1;2|x', map('delimiter', ';', 'sep', '|')) ## STRUCT<_c0: STRING, _c1: STRING>",
        "schema_of_csv('2147483648,12345678901234567890,1.5,NaN,2015-01-02,2015-01-02 10:20:30,TRUE,,x') ## "
                + "STRUCT<_c0: BIGINT, _c1: DECIMAL(20,0), _c2: DOUBLE, _c3: DOUBLE, _c4: DATE, _c5: TIMESTAMP, "
                + "_c6: BOOLEAN, _c7: STRING, _c8: STRING>",
        "schema_of_csv('1;\"a;b\";02/01/2015', map('sep', ';', 'dateFormat', 'dd/MM/yyyy')) ## "
                + "STRUCT<_c0: INT, _c1: STRING, _c2: DATE>",
        "schema_of_csv('NA,-', map('nullValue', 'NA', 'negativeInf', '-')) ## STRUCT<_c0: STRING, _c1: DOUBLE>",
    })
    void schemaOfCsvInfersAsSparksCsvReader(String expression, String expected) {
        assertThat(first(expression)).isEqualTo(expected);
    }

    @Test
    void schemaOfCsvTakesOnlyAConstantText() {
        Problem problem = compileProblem("schema_of_csv(s)");

        assertThat(problem.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(problem.message()).isEqualTo(
                "[DATATYPE_MISMATCH.NON_FOLDABLE_INPUT] the text of schema_of_csv must be a constant, not 's'");
    }
}
