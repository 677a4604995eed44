package sluice.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Problem;
import sluice.engine.diag.SluiceException;
import sluice.engine.types.Batch;
import sluice.engine.types.Bytes;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/**
 * BINARY as Spark 4 has it: X'..' literals, casts from and to strings, unsigned ordering, and the functions hex,
 * unhex, base64, unbase64, encode, decode, the lengths and concat. Row 0 holds values, row 1 nulls.
 */
class BinaryTest {
    private static final Schema SCHEMA = SchemaParser.parse("b BINARY, s STRING, n INT", ExpressionFixture.WHERE);
    private static final Batch BATCH = Batch.ofRows(SCHEMA, List.of(Row.of(Bytes.of((byte) 0x41, (byte) 0xC3,
            (byte) 0xA9), "Aé", 255), Row.of(null, null, null)));
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
        return String.valueOf(eval(text).get(0));
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
        "X'41'      | X'41'   | [41]",
        "x'0a0B'    | X'0A0B' | [0A 0B]",
        "X'1'       | X'01'   | [01]",
        "X''        | X''     | []",
        "X '4142'   | X'4142' | [41 42]",
    })
    void hexLiteralIsBinaryNamedInUpperCase(String text, String name, String value) {
        CompiledExpression expression = compile(text);

        assertThat(expression.type().sql()).isEqualTo("BINARY");
        assertThat(expression.name()).isEqualTo(name);
        assertThat(first(text)).isEqualTo(value);
    }

    @Test
    void hexLiteralWithANonHexCharacterIsAnInvalidTypedLiteral() {
        Problem problem = compileProblem("s = X'4G'");

        assertThat(problem.code()).isEqualTo(ErrorCode.EXPRESSION_SYNTAX);
        assertThat(problem.where()).isEqualTo(ExpressionFixture.at(1, 5));
        assertThat(problem.message()).isEqualTo("[INVALID_TYPED_LITERAL] The value of the typed literal \"X\" is "
                + "invalid: '4G'");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "CAST(s AS BINARY)              | [41 C3 A9]",
        "CAST(' a ' AS BINARY)          | [20 61 20]",
        "CAST(b AS STRING)              | Aé",
        "CAST(X'FF41' AS STRING)        | \uFFFDA",
        "TRY_CAST(s AS BINARY)          | [41 C3 A9]",
        "upper(b)                       | AÉ",
        "b = s                          | true",
    })
    void castsBetweenStringAndBinaryAreUtf8(String text, String value) {
        assertThat(first(text)).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "CAST(b AS INT)   | 1 | 1  | cannot cast BINARY to INT",
        "CAST(n AS BINARY) | 1 | 1 | cannot cast INT to BINARY",
    })
    void onlyStringsCastToAndFromBinary(String text, int line, int column, String message) {
        Problem problem = compileProblem(text);

        assertThat(problem.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(problem.where()).isEqualTo(ExpressionFixture.at(line, column));
        assertThat(problem.message()).isEqualTo(message);
    }

    @Test
    void binaryIsNoNumber() {
        Problem problem = compileProblem("b + 1");

        assertThat(problem.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(problem.message()).isEqualTo("'+' requires a numeric type but 'b' has type BINARY");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "X'7F' < X'80'        | true",
        "X'41' < X'4100'      | true",
        "X'42' > X'4100'      | true",
        "b = X'41C3A9'        | true",
        "b <=> NULL           | false",
        "b IN (X'00', X'41C3A9') | true",
        "greatest(X'01', X'FF', X'7F') | [FF]",
        "least(b, X'41')      | [41]",
    })
    void binaryComparesByteByByteUnsigned(String text, String value) {
        assertThat(first(text)).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "hex(b)                     | 41C3A9",
        "hex(s)                     | 41C3A9",
        "hex(n)                     | FF",
        "hex(-1)                    | FFFFFFFFFFFFFFFF",
        "hex(0Y)                    | 0",
        "hex(2.9D)                  | 2",
        "hex(true)                  | 74727565",
        "unhex('41c3A9')            | [41 C3 A9]",
        "unhex('141')               | [01 41]",
        "unhex('4G')                | null",
        "unhex('')                  | []",
        "base64(b)                  | QcOp",
        "base64(s)                  | QcOp",
        "base64(X'FFFEFD')          | //79",
        "unbase64('QcOp')           | [41 C3 A9]",
        "unbase64('Qc Op')          | [41 C3 A9]",
        "encode(s, 'UTF-16BE')      | [00 41 00 E9]",
        "encode(s, 'utf-16')        | [FE FF 00 41 00 E9]",
        "encode(s, 'ISO-8859-1')    | [41 E9]",
        "decode(b, 'UTF-8')         | Aé",
        "decode(X'41E9', 'iso-8859-1') | Aé",
        "length(b)                  | 3",
        "char_length(s)             | 2",
        "octet_length(s)            | 3",
        "octet_length(b)            | 3",
        "bit_length(s)              | 24",
        "bit_length(b)              | 24",
        "concat(b, X'00')           | [41 C3 A9 00]",
        "concat(b, 'x')             | Aéx",
        "concat(X'41', X'42', X'43') | [41 42 43]",
    })
    void binaryFunctionsGiveSparksValues(String text, String value) {
        assertThat(first(text)).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "hex(b)          | STRING",
        "unhex(s)        | BINARY",
        "base64(b)       | STRING",
        "unbase64(s)     | BINARY",
        "encode(s, 'utf-8') | BINARY",
        "decode(b, 'utf-8') | STRING",
        "length(b)       | INT",
        "concat(b, b)    | BINARY",
        "concat(b, s)    | STRING",
        "decode(n, 255, 1Y, 7, 2Y) | BIGINT",
        "decode(n, 255, 'a', 'b')  | STRING",
    })
    void binaryFunctionsHaveSparksResultTypes(String text, String type) {
        assertThat(compile(text).type().sql()).isEqualTo(type);
    }

    @Test
    void concatOperatorJoinsBinaryWhenBothSidesAre() {
        assertThat(compile("b || X'00'").type().sql()).isEqualTo("BINARY");
        assertThat(first("b || X'00'")).isEqualTo("[41 C3 A9 00]");
        assertThat(compile("b || s").type().sql()).isEqualTo("STRING");
    }

    @Test
    void nullInputGivesNull() {
        assertThat(eval("hex(b)").get(1)).isNull();
        assertThat(eval("decode(b, 'utf-8')").get(1)).isNull();
        assertThat(eval("concat(b, X'00')").get(1)).isNull();
        assertThat(eval("length(b)").get(1)).isNull();
    }

    @Test
    void decodeWithSearchValuesIsACaseOfNullSafeEquality() {
        assertThat(eval("decode(n, 1, 'one', 255, 'max', 'other')")).containsExactly("max", "other");
        assertThat(eval("decode(n, 1, 'one', NULL, 'none')")).containsExactly(null, "none");
    }

    @Test
    void unknownCharsetFailsWithSparksList() {
        Problem problem = runProblem("encode(s, 'latin2')");

        assertThat(problem.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT_VALUE);
        assertThat(problem.message()).isEqualTo("[INVALID_PARAMETER_VALUE.CHARSET] The value of parameter(s) "
                + "`charset` in `encode` is invalid: expects one of the iso-8859-1, us-ascii, utf-16, utf-16be, "
                + "utf-16le, utf-32, utf-8, but got latin2.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "decode(X'FF', 'UTF-8')       | decode | UTF-8",
        "encode(s, 'US-ASCII')        | encode | US-ASCII",
    })
    void unmappableTextFailsWithMalformedCharacterCoding(String text, String function, String charset) {
        Problem problem = runProblem(text);

        assertThat(problem.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT_VALUE);
        assertThat(problem.message()).isEqualTo("[MALFORMED_CHARACTER_CODING] Invalid value found when performing `"
                + function + "` with " + charset);
    }

    @Test
    void base64WithABrokenEndFailsNamingTheValue() {
        Problem problem = runProblem("unbase64('QUJDR')");

        assertThat(problem.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT_VALUE);
        assertThat(problem.where()).isEqualTo(ExpressionFixture.at(1, 1));
        assertThat(problem.message()).isEqualTo("unbase64 cannot decode 'QUJDR': Last unit does not have enough "
                + "valid bits");
    }

    @Test
    void functionsTakeOnlyWhatSparkImplicitlyCasts() {
        Problem problem = compileProblem("base64(n)");

        assertThat(problem.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(problem.message()).isEqualTo("base64 requires BINARY but 'n' has type INT");
    }
}
