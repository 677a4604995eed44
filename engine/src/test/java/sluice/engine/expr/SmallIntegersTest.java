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
import sluice.engine.types.ColumnVector;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/**
 * TINYINT and SMALLINT as Spark 4 types them and computes them under ANSI: literal suffixes, widening, arithmetic in
 * the operands' own width with Spark's overflow errors, casts in and out. Row 0 holds values, row 1 nulls.
 */
class SmallIntegersTest {
    private static final String ANSI = " If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this "
            + "error.";
    private static final Schema SCHEMA = SchemaParser.parse("t TINYINT, h SMALLINT, i INT, f FLOAT, s STRING",
            ExpressionFixture.WHERE);
    private static final Batch BATCH = Batch.ofRows(SCHEMA, List.of(Row.of((byte) 100, (short) 30000, 7, 1.5f, "12"),
            Row.of(null, null, null, null, null)));
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

    private static Problem runProblem(String text) {
        CompiledExpression expression = compile(text);
        return catchThrowableOfType(SluiceException.class,
                () -> expression.evaluate(BATCH, new EvalContext(0L, ExpressionFixture.UTC))).problem();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "1Y         | TINYINT  | 1",
        "-128Y      | TINYINT  | -128",
        "127y       | TINYINT  | 127",
        "1S         | SMALLINT | 1",
        "-32768s    | SMALLINT | -32768",
        "1L         | BIGINT   | 1",
        "t          | TINYINT  | t",
        "h          | SMALLINT | h",
    })
    void literalSuffixesGiveSparksTypesAndNames(String text, String type, String name) {
        CompiledExpression expression = compile(text);

        assertThat(expression.type().sql()).isEqualTo(type);
        assertThat(expression.name()).isEqualTo(name);
    }

    @Test
    void valuesComeOutAsByteAndShort() {
        assertThat(eval("t")).containsExactly((byte) 100, null);
        assertThat(eval("h")).containsExactly((short) 30000, null);
        assertThat(eval("-128Y").get(0)).isEqualTo((byte) -128);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "128Y    | 128    | tinyint  | -128   | 127",
        "-129Y   | -129   | tinyint  | -128   | 127",
        "32768S  | 32768  | smallint | -32768 | 32767",
        "9223372036854775808L | 9223372036854775808 | bigint | -9223372036854775808 | 9223372036854775807",
    })
    void literalOutsideItsTypeIsRefusedAsSparksParserDoes(String text, String value, String type, String min,
            String max) {
        Problem problem = catchThrowableOfType(SluiceException.class, () -> compile("1 + " + text)).problem();

        assertThat(problem.code()).isEqualTo(ErrorCode.EXPRESSION_SYNTAX);
        assertThat(problem.where()).isEqualTo(ExpressionFixture.at(1, 5));
        assertThat(problem.message()).isEqualTo("[INVALID_NUMERIC_LITERAL_RANGE] Numeric literal " + value
                + " is outside the valid range for " + type + " with minimum value of " + min + " and maximum value of "
                + max + ". Please adjust the value accordingly.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "t + 1Y       | TINYINT",
        "t * h        | SMALLINT",
        "t - i        | INT",
        "h + 1L       | BIGINT",
        "t + 1.5      | DECIMAL(5,1)",
        "h * 1.5      | DECIMAL(8,1)",
        "t + f        | DOUBLE",
        "i + f        | DOUBLE",
        "t / 2Y       | DOUBLE",
        "t div 2Y     | BIGINT",
        "t % 3Y       | TINYINT",
        "pmod(t, 3S)  | SMALLINT",
        "t + s        | BIGINT",
        "-t           | TINYINT",
        "abs(h)       | SMALLINT",
        "round(t, -1) | TINYINT",
        "floor(t)     | BIGINT",
        "greatest(t, h) | SMALLINT",
        "coalesce(t, 1) | INT",
        "CASE WHEN i > 0 THEN t ELSE h END | SMALLINT",
    })
    void operationsWidenAsSparksTypeCoercion(String text, String type) {
        assertThat(compile(text).type().sql()).isEqualTo(type);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "t + 27Y            | 127",
        "h - 30000S - 32767S - 1S | -32768",
        "t * 1Y + h         | 30100",
        "t % 7Y             | 2",
        "pmod(-t, 7Y)       | 5",
        "-t                 | -100",
        "abs(-h)            | 30000",
        "t div 7Y           | 14",
        "t / 8Y             | 12.5",
        "round(t, -2)       | 100",
        "t > 99Y            | true",
        "h = 30000          | true",
        "t IN (1Y, 100S)    | true",
        "t + s              | 112",
        "date_add(DATE '2024-01-01', t) | 2024-04-10",
    })
    void computesInTheTypesOwnWidth(String text, String value) {
        assertThat(String.valueOf(eval(text).get(0))).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "t + 28Y       | 1 | 1 | 100S + 28S  | try_add",
        "-100Y - t     | 1 | 1 | -100S - 100S | try_subtract",
        "2Y * t        | 1 | 1 | 2S * 100S   | try_multiply",
        "h + h         | 1 | 1 | 30000S + 30000S | try_add",
        "1 + h * 2S    | 1 | 5 | 30000S * 2S | try_multiply",
    })
    void narrowOverflowFailsWithBinaryArithmeticOverflow(String text, int line, int column, String operation,
            String tryFunction) {
        Problem problem = runProblem(text);

        assertThat(problem.code()).isEqualTo(ErrorCode.ARITHMETIC_OVERFLOW);
        assertThat(problem.where()).isEqualTo(ExpressionFixture.at(line, column));
        assertThat(problem.message()).isEqualTo("[BINARY_ARITHMETIC_OVERFLOW] " + operation + " caused overflow. Use `"
                + tryFunction + "` to ignore overflow problem and return NULL.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "-(t - 100Y - 127Y - 1Y)       | byte",
        "abs(t - 100Y - 127Y - 1Y)     | byte",
        "-(h - 30000S - 32767S - 1S)   | short",
        "abs(i - 7 - 2147483647 - 1)   | integer",
    })
    void negatingTheSmallestValueOverflowsWithoutAlternative(String text, String word) {
        Problem problem = runProblem(text);

        assertThat(problem.code()).isEqualTo(ErrorCode.ARITHMETIC_OVERFLOW);
        assertThat(problem.message()).isEqualTo("[ARITHMETIC_OVERFLOW] " + word + " overflow." + ANSI);
    }

    @Test
    void roundingPastTheTypeOverflows() {
        Problem problem = runProblem("round(t + 27Y, -1)");

        assertThat(problem.message()).isEqualTo("[ARITHMETIC_OVERFLOW] Overflow." + ANSI);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "CAST(i AS TINYINT)          | 7",
        "CAST(' -12 ' AS TINYINT)    | -12",
        "CAST(127.9D AS TINYINT)     | 127",
        "CAST(-128.9 AS TINYINT)     | -128",
        "CAST(true AS SMALLINT)      | 1",
        "CAST(t AS STRING)           | 100",
        "CAST(t AS DOUBLE)           | 100.0",
        "CAST(h AS DECIMAL(6,1))     | 30000.0",
        "CAST(t AS BOOLEAN)          | true",
        "CAST(t AS TIMESTAMP)        | 1970-01-01T00:01:40Z",
        "TRY_CAST(h AS TINYINT)      | null",
        "TRY_CAST('128' AS TINYINT)  | null",
        "TRY_CAST(s AS SMALLINT)     | 12",
    })
    void castsAsSpark(String text, String value) {
        assertThat(String.valueOf(eval(text).get(0))).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "CAST(200 AS TINYINT)      | 200     | INT      | TINYINT",
        "CAST(h AS TINYINT)        | 30000S  | SMALLINT | TINYINT",
        "CAST(40000L AS SMALLINT)  | 40000L  | BIGINT   | SMALLINT",
        "CAST(128.5 AS TINYINT)    | 128.5BD | DECIMAL(4,1) | TINYINT",
        "CAST(1e10D AS SMALLINT)   | 1.0E10D | DOUBLE   | SMALLINT",
    })
    void outOfRangeCastFailsWithCastOverflow(String text, String valueText, String from, String to) {
        Problem problem = runProblem(text);

        assertThat(problem.code()).isEqualTo(ErrorCode.ARITHMETIC_OVERFLOW);
        assertThat(problem.message()).isEqualTo("[CAST_OVERFLOW] The value " + valueText + " of the type \"" + from
                + "\" cannot be cast to \"" + to + "\" due to an overflow. Use `try_cast` to tolerate overflow and "
                + "return NULL instead." + ANSI);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "CAST('128' AS TINYINT)    | '128'    | TINYINT",
        "CAST('1.5' AS SMALLINT)   | '1.5'    | SMALLINT",
        "CAST('40000' AS SMALLINT) | '40000'  | SMALLINT",
    })
    void malformedOrOutOfRangeTextFailsWithCastInvalidInput(String text, String valueText, String to) {
        Problem problem = runProblem(text);

        assertThat(problem.code()).isEqualTo(ErrorCode.CAST_INVALID_INPUT);
        assertThat(problem.message()).startsWith("[CAST_INVALID_INPUT] The value " + valueText
                + " of the type \"STRING\" cannot be cast to \"" + to + "\" because it is malformed.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "CAST(200 AS TINYINT)    | CAST(200 AS TINYINT)",
        "CAST(i AS BYTE) + 1Y    | (CAST(i AS TINYINT) + 1)",
        "CAST(i AS SHORT)        | i",
        "TRY_CAST(s AS SMALLINT) | s",
        "t + 1Y                  | (t + 1)",
    })
    void castsAreNamedWithSparksTypeNames(String text, String name) {
        assertThat(compile(text).name()).isEqualTo(name);
    }
}
