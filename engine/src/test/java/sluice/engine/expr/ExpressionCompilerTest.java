package sluice.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.diag.SluiceException;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

class ExpressionCompilerTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Position WHERE = Position.option("change", "expressions");
    private static final Schema SCHEMA = SchemaParser.parse(
            "Date DATE, Open DOUBLE, Close DOUBLE, Volume BIGINT, Name STRING, qty INT, price DECIMAL(10,2), "
            + "message STRING, flag BOOLEAN", WHERE);
    private static final Batch BATCH = Batch.ofRows(SCHEMA, List.of(
            Row.of(LocalDate.of(2015, 1, 2), 10.0, 12.5, 100L, "AAPL", 3, new BigDecimal("1.50"), "hello world", true),
            Row.of(LocalDate.of(2015, 1, 5), 20.0, 19.0, 200L, "msft", 0, new BigDecimal("2.25"), null, false),
            Row.of(null, null, null, null, null, null, null, "x,y,,z", null)));
    private static final ExpressionCompiler COMPILER = new ExpressionCompiler(UTC);

    private static CompiledExpression compile(String text) {
        return COMPILER.compile(text, SCHEMA, WHERE);
    }

    private static List<Object> eval(String text) {
        ColumnVector column = compile(text).evaluate(BATCH, new EvalContext(0L, UTC));
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < column.size(); i++) {
            values.add(column.get(i));
        }
        return values;
    }

    private static Problem compileProblem(String text) {
        return catchThrowableOfType(SluiceException.class, () -> compile(text)).problem();
    }

    private static Problem runProblem(String text) {
        CompiledExpression expression = compile(text);
        return catchThrowableOfType(SluiceException.class,
                () -> expression.evaluate(BATCH, new EvalContext(0L, UTC))).problem();
    }

    @Test
    void subtractsDoubleColumnsWithNullsPropagated() {
        CompiledExpression change = compile("Close - Open");

        assertThat(change.name()).isEqualTo("(Close - Open)");
        assertThat(change.type()).isEqualTo(AtomicType.DOUBLE);
        assertThat(eval("Close - Open")).containsExactly(2.5, -1.0, null);
    }

    @Test
    void aliasNamesTheColumnWithOrWithoutAs() {
        assertThat(compile("Close - Open AS change").name()).isEqualTo("change");
        assertThat(compile("Close - Open change").name()).isEqualTo("change");
    }

    @Test
    void generatedNamesFollowSpark() {
        assertThat(compile("close").name()).isEqualTo("close");
        assertThat(compile("qty + 1").name()).isEqualTo("(qty + 1)");
        assertThat(compile("upper(message)").name()).isEqualTo("upper(message)");
        assertThat(compile("CAST(qty AS STRING)").name()).isEqualTo("qty");
        assertThat(compile("concat(Name, 'abc')").name()).isEqualTo("concat(Name, abc)");
        assertThat(compile("qty IN (1, 2)").name()).isEqualTo("(qty IN (1, 2))");
        assertThat(compile("NOT flag").name()).isEqualTo("(NOT flag)");
        assertThat(compile("Name IS NULL").name()).isEqualTo("(Name IS NULL)");
        assertThat(compile("flag AND qty > 1").name()).isEqualTo("(flag AND (qty > 1))");
        assertThat(compile("CASE WHEN qty > 1 THEN 'a' ELSE 'b' END").name())
                .isEqualTo("CASE WHEN (qty > 1) THEN a ELSE b END");
        assertThat(compile("substring(Name, 2)").name()).isEqualTo("substring(Name, 2, 2147483647)");
        assertThat(compile("round(Close)").name()).isEqualTo("round(Close, 0)");
    }

    @Test
    void generatedNamesKeepUnaryPlusAndSparksGroupingOfAndChains() {
        assertThat(compile("+qty").name()).isEqualTo("(+ qty)");
        assertThat(compile("qty - +1").name()).isEqualTo("(qty - (+ 1))");
        assertThat(compile("positive(qty)").name()).isEqualTo("(+ qty)");
        assertThat(compile("flag AND flag AND flag AND flag AND flag").name())
                .isEqualTo("(((flag AND flag) AND flag) AND (flag AND flag))");
        assertThat(compile("-1::string").name()).isEqualTo("CAST(-1 AS STRING)");
        assertThat(compile("qty::string").name()).isEqualTo("qty");
    }

    @Test
    void comparesAndReturnsNullForNullOperands() {
        assertThat(eval("Close > Open")).containsExactly(true, false, null);
    }

    @Test
    void integerDivisionYieldsDoubleAndDivYieldsBigint() {
        assertThat(compile("qty / 2").type()).isEqualTo(AtomicType.DOUBLE);
        assertThat(eval("qty / 2")).containsExactly(1.5, 0.0, null);
        assertThat(compile("qty DIV 2").type()).isEqualTo(AtomicType.BIGINT);
        assertThat(eval("qty DIV 2")).containsExactly(1L, 0L, null);
    }

    @Test
    void decimalArithmeticFollowsSparkPrecisionRules() {
        assertThat(compile("price + price").type()).isEqualTo(new DecimalType(11, 2));
        assertThat(compile("price * price").type()).isEqualTo(new DecimalType(21, 4));
        assertThat(compile("price / price").type()).isEqualTo(new DecimalType(23, 13));
        assertThat(compile("price * 2").type()).isEqualTo(new DecimalType(12, 2));
        assertThat(compile("1.5").type()).isEqualTo(new DecimalType(2, 1));
        assertThat(eval("price * 2")).containsExactly(new BigDecimal("3.00"), new BigDecimal("4.50"), null);
        assertThat(compile("price + 1.5D").type()).isEqualTo(AtomicType.DOUBLE);
    }

    @Test
    void decimalsOfDifferentTypesMeetAtSparksWiderTypeKeepingIntegralDigits() {
        String wide = "CAST(99999999999999999999999999999999999999 AS DECIMAL(38,0))";

        assertThat(compile("CASE WHEN flag THEN 1.5 ELSE " + wide + " END").type())
                .isEqualTo(new DecimalType(38, 0));
        assertThat(eval("coalesce(1.5, " + wide + ")").get(0)).isEqualTo(new BigDecimal("2"));
        assertThat(eval("1.0 = " + wide).get(0)).isEqualTo(false);
        assertThat(compile("coalesce(price, 1.125)").type()).isEqualTo(new DecimalType(11, 3));
        assertThat(eval("1.5 div CAST(1 AS DECIMAL(38,0))").get(0)).isEqualTo(1L);
    }

    @Test
    void powAndLogarithmsUseStrictMathAsSparkDoes() {
        // Spark's value; Math.pow, an intrinsic, gives 1.935653857452876E175 on this JVM.
        assertThat(eval("pow(Close + 11.5, 127)").get(0)).isEqualTo(1.9356538574528764E175);
        assertThat(eval("pow(24D, 127D)").get(0)).isEqualTo(1.9356538574528764E175);
        assertThat(eval("ln(Close)").get(0)).isEqualTo(StrictMath.log(12.5));
        assertThat(eval("log(Close, Open)").get(0)).isEqualTo(StrictMath.log(10.0) / StrictMath.log(12.5));
    }

    @Test
    void divisionByZeroFailsAtTheOperatorWithSparksMessage() {
        Problem problem = runProblem("Volume / qty");

        assertThat(problem.code()).isEqualTo(ErrorCode.DIVIDE_BY_ZERO);
        assertThat(problem.where()).isEqualTo(WHERE.at(1, 1));
        assertThat(problem.message()).isEqualTo("[DIVIDE_BY_ZERO] Division by zero. Use `try_divide` to tolerate "
                + "divisor being 0 and return NULL instead. If necessary set \"spark.sql.ansi.enabled\" to "
                + "\"false\" to bypass this error.");
    }

    @Test
    void caseOnlyEvaluatesTheChosenBranch() {
        assertThat(eval("CASE WHEN qty = 0 THEN 0 ELSE Volume / qty END"))
                .containsExactly(100.0 / 3, 0.0, null);
    }

    @Test
    void integerOverflowFails() {
        Problem problem = runProblem("qty + 2147483647");

        assertThat(problem.code()).isEqualTo(ErrorCode.ARITHMETIC_OVERFLOW);
        assertThat(problem.message()).isEqualTo("[ARITHMETIC_OVERFLOW] integer overflow. Use 'try_add' to tolerate "
                + "overflow and return NULL instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to "
                + "bypass this error.");
    }

    @Test
    void invalidCastFailsAtTheCastWithSparksMessage() {
        Problem problem = runProblem("1 + CAST(Name AS INT)");

        assertThat(problem.code()).isEqualTo(ErrorCode.CAST_INVALID_INPUT);
        assertThat(problem.where()).isEqualTo(WHERE.at(1, 5));
        assertThat(problem.message()).isEqualTo("[CAST_INVALID_INPUT] The value 'AAPL' of the type \"STRING\" "
                + "cannot be cast to \"INT\" because it is malformed. Correct the value as per the syntax, or "
                + "change its target type. Use `try_cast` to tolerate malformed input and return NULL instead. If "
                + "necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error.");
    }

    @Test
    void tryCastReturnsNullForMalformedInput() {
        assertThat(eval("TRY_CAST(Name AS INT)")).containsExactly(null, null, null);
    }

    @Test
    void threeValuedLogic() {
        assertThat(eval("flag AND NULL")).containsExactly(null, false, null);
        assertThat(eval("flag OR NULL")).containsExactly(true, null, null);
        assertThat(eval("NOT flag")).containsExactly(false, true, null);
    }

    @Test
    void inWithNullInListIsNullWhenNotFound() {
        assertThat(eval("qty IN (3, NULL)")).containsExactly(true, null, null);
        assertThat(eval("qty NOT IN (3, 4)")).containsExactly(false, true, null);
    }

    @Test
    void nullSafeEqualityIsNeverNull() {
        assertThat(eval("Name <=> NULL")).containsExactly(false, false, true);
    }

    @Test
    void likeAndRlike() {
        assertThat(eval("message LIKE 'hello%'")).containsExactly(true, null, false);
        assertThat(eval("message RLIKE '^x,'")).containsExactly(false, null, true);
        assertThat(eval("'a_c' LIKE 'a\\\\_c'")).containsExactly(true, true, true);
    }

    @Test
    void betweenIsInclusive() {
        assertThat(eval("qty BETWEEN 0 AND 3")).containsExactly(true, true, null);
    }

    @Test
    void stringFunctions() {
        assertThat(eval("upper(Name)")).containsExactly("AAPL", "MSFT", null);
        assertThat(eval("length(message)")).containsExactly(11, null, 6);
        assertThat(eval("substring(message, -5, 3)")).containsExactly("wor", null, ",y,");
        assertThat(eval("concat_ws('-', Name, message)")).containsExactly("AAPL-hello world", "msft", "x,y,,z");
        assertThat(eval("split(message, ',')")).containsExactly(List.of("hello world"), null,
                List.of("x", "y", "", "z"));
        assertThat(eval("regexp_replace(message, 'o', '0')")).containsExactly("hell0 w0rld", null, "x,y,,z");
        assertThat(eval("regexp_extract(message, '(\\\\w+) (\\\\w+)', 2)")).containsExactly("world", null, "");
        assertThat(eval("trim('  a b  ')")).containsExactly("a b", "a b", "a b");
        assertThat(eval("Name || '!'")).containsExactly("AAPL!", "msft!", null);
    }

    @Test
    void mathFunctions() {
        assertThat(eval("round(2.5D)")).containsExactly(3.0, 3.0, 3.0);
        assertThat(eval("round(price, 1)")).containsExactly(new BigDecimal("1.5"), new BigDecimal("2.3"), null);
        assertThat(eval("bround(2.5D)")).containsExactly(2.0, 2.0, 2.0);
        assertThat(eval("abs(Open - Close)")).containsExactly(2.5, 1.0, null);
        assertThat(eval("floor(Close)")).containsExactly(12L, 19L, null);
        assertThat(eval("ceil(Close)")).containsExactly(13L, 19L, null);
        assertThat(eval("pow(2, 3)")).containsExactly(8.0, 8.0, 8.0);
        assertThat(eval("log(10, 100)")).containsExactly(2.0, 2.0, 2.0);
        assertThat(eval("greatest(Open, Close)")).containsExactly(12.5, 20.0, null);
        assertThat(eval("coalesce(qty, 7)")).containsExactly(3, 0, 7);
        assertThat(eval("if(flag, 'y', 'n')")).containsExactly("y", "n", "n");
        assertThat(eval("nvl2(Name, 1, 2)")).containsExactly(1, 1, 2);
    }

    @Test
    void dateFunctions() {
        assertThat(eval("year(Date)")).containsExactly(2015, 2015, null);
        assertThat(eval("date_add(Date, 30)")).containsExactly(LocalDate.of(2015, 2, 1), LocalDate.of(2015, 2, 4),
                null);
        assertThat(eval("datediff(Date, '2015-01-01')")).containsExactly(1, 4, null);
        assertThat(eval("Date > '2015-01-03'")).containsExactly(false, true, null);
        assertThat(eval("date_format(Date, 'yyyy/MM/dd')")).containsExactly("2015/01/02", "2015/01/05", null);
        assertThat(eval("to_date('02.01.2015', 'dd.MM.yyyy')").get(0)).isEqualTo(LocalDate.of(2015, 1, 2));
        assertThat(eval("hour(to_timestamp('2015-01-02 13:45:00'))").get(0)).isEqualTo(13);
        assertThat(eval("CAST(TIMESTAMP '2015-01-02 10:00:00' + INTERVAL 3 HOURS AS STRING)").get(0))
                .isEqualTo("2015-01-02 13:00:00");
    }

    @Test
    void splitByAnEmptyPatternGivesOnePiecePerCharacterAsSparkDoes() {
        assertThat(eval("split('abc', '')").get(0)).isEqualTo(List.of("a", "b", "c"));
        assertThat(eval("size(split('a', ''))").get(0)).isEqualTo(1);
        assertThat(eval("split('', '')").get(0)).isEqualTo(List.of(""));
        assertThat(eval("split('a\uD83D\uDE00b', '')").get(0)).isEqualTo(List.of("a", "\uD83D\uDE00", "b"));
        assertThat(eval("split('abcd', '', 2)").get(0)).isEqualTo(List.of("a", "bcd"));
    }

    @Test
    void decimalLiteralIsNamedByJavasBigDecimalText() {
        assertThat(compile("CAST(0.0000000001BD AS DECIMAL(38,10))").name())
                .isEqualTo("CAST(1E-10 AS DECIMAL(38,10))");
        assertThat(compile("0.000001").name()).isEqualTo("0.000001");
        assertThat(compile("1.50").name()).isEqualTo("1.50");
    }

    @Test
    void dateArithmeticWrapsAroundInIntAsSparksDoes() {
        assertThat(eval("date_add(DATE'1900-03-01', CAST(-2147483648L AS INT))").get(0))
                .isEqualTo(LocalDate.ofEpochDay(2147458140L));
        assertThat(eval("date_sub(DATE'1900-03-01', CAST(2147483647L AS INT))").get(0))
                .isEqualTo(LocalDate.ofEpochDay(2147458141L));
        assertThat(eval("datediff(date_add(DATE'1970-01-01', 2147483647), DATE'1969-12-31')").get(0))
                .isEqualTo(-2147483648);
    }

    @Test
    void unixTimestampIsNamedWithSparksDefaultFormat() {
        CompiledExpression seconds = compile("unix_timestamp(CAST(Date AS TIMESTAMP))");

        assertThat(seconds.name()).isEqualTo("unix_timestamp(CAST(Date AS TIMESTAMP), yyyy-MM-dd HH:mm:ss)");
        assertThat(eval("unix_timestamp(CAST(Date AS TIMESTAMP))")).containsExactly(1420156800L, 1420416000L, null);
        assertThat(eval("unix_timestamp(TIMESTAMP'1969-12-31 23:59:59.5')").get(0)).isEqualTo(0L);
        // A pattern is for text: Spark names the call with it and leaves a timestamp as it is.
        assertThat(compile("unix_timestamp(CAST(Date AS TIMESTAMP), 'yyyy')").name())
                .isEqualTo("unix_timestamp(CAST(Date AS TIMESTAMP), yyyy)");
        assertThat(eval("unix_timestamp(CAST(Date AS TIMESTAMP), 'yyyy')").get(0)).isEqualTo(1420156800L);
    }

    @Test
    void timestampAndIntervalLiteralsCoverTheirWholeRange() {
        CompiledExpression yearOne = compile("TIMESTAMP'0001-01-01 00:00:00'");

        assertThat(yearOne.name()).isEqualTo("TIMESTAMP '0001-01-01 00:00:00'");
        assertThat(eval("TIMESTAMP'0001-01-01 00:00:00'").get(0)).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
        assertThat(eval("unix_timestamp(TIMESTAMP'0001-01-01 00:00:00')").get(0)).isEqualTo(-62135596800L);
        assertThat(eval("INTERVAL '200000' DAY").get(0)).isEqualTo(Duration.ofDays(200_000));
    }

    @Test
    void jsonRoundTripAndFieldAccess() {
        CompiledExpression parsed = compile("from_json('{\"a\": 1, \"b\": [\"x\"]}', 'a INT, b ARRAY<STRING>').a");

        // Spark names an extraction from anything but a column by its SQL text, not by the field.
        assertThat(parsed.name()).isEqualTo("from_json({\"a\": 1, \"b\": [\"x\"]}).a");
        assertThat(parsed.type()).isEqualTo(AtomicType.INT);
        assertThat(eval("from_json('{\"a\": 1, \"b\": [\"x\"]}', 'a INT, b ARRAY<STRING>').b[0]").get(0))
                .isEqualTo("x");
        assertThat(eval("to_json(from_json('{\"a\": 1}', 'a INT, b STRING'))").get(0)).isEqualTo("{\"a\":1}");
    }

    @Test
    void stringComparedWithNumberIsCastToBigint() {
        assertThat(eval("'3' = qty")).containsExactly(true, false, null);
    }

    @Test
    void unknownColumnSuggestsTheClosestName() {
        assertThat(compileProblem("Close - Opne")).isEqualTo(new Problem(ErrorCode.UNKNOWN_COLUMN, WHERE.at(1, 9),
                "unknown column 'Opne'; did you mean 'Open'?"));
    }

    @Test
    void aGeneratorThatIsTheWholeAggregationIsToldFromOneNestedInIt() {
        Position aggregation = Position.option("agg", "aggregations #1");
        String whole = "the generator 'explode' is not supported in transform.aggregate; explode the aggregated "
                + "values in a transform.select after it";

        Problem alone = catchThrowableOfType(SluiceException.class,
                () -> COMPILER.compile("explode(array(Close)) AS `c d`", SCHEMA, aggregation)).problem();
        Problem parenthesised = catchThrowableOfType(SluiceException.class,
                () -> COMPILER.compile(" (explode(array(Close)))", SCHEMA, aggregation)).problem();
        Problem nested = catchThrowableOfType(SluiceException.class,
                () -> COMPILER.compile("explode(array(Close)) + 1", SCHEMA, aggregation)).problem();

        assertThat(alone).isEqualTo(new Problem(ErrorCode.UNSUPPORTED_GENERATOR, aggregation.at(1, 1), whole));
        assertThat(parenthesised).isEqualTo(new Problem(ErrorCode.UNSUPPORTED_GENERATOR, aggregation.at(1, 3), whole));
        assertThat(nested).isEqualTo(new Problem(ErrorCode.UNSUPPORTED_GENERATOR, aggregation.at(1, 1),
                "[UNSUPPORTED_GENERATOR.NESTED_IN_EXPRESSIONS] the generator 'explode' is not supported nested in "
                        + "expressions 'explode(array(Close)) + 1'; it must be a whole expression of "
                        + "transform.select or transform.withColumn"));
    }

    @Test
    void unknownFunctionSuggestsTheClosestName() {
        assertThat(compileProblem("uper(Name)")).isEqualTo(new Problem(ErrorCode.UNKNOWN_FUNCTION, WHERE.at(1, 1),
                "unknown function 'uper'; did you mean 'upper'?"));
    }

    @Test
    void wrongArgumentCountIsReported() {
        assertThat(compileProblem("upper(Name, 1)")).isEqualTo(new Problem(ErrorCode.WRONG_ARGUMENTS,
                WHERE.at(1, 1), "function 'upper' takes 1 argument but 2 were given"));
    }

    @Test
    void typeMismatchSaysWhatWasExpected() {
        assertThat(compileProblem("flag AND 1")).isEqualTo(new Problem(ErrorCode.TYPE_MISMATCH, WHERE.at(1, 10),
                "AND requires BOOLEAN but '1' has type INT"));
    }

    @Test
    void syntaxErrorReportsColumnOfUnclosedParen() {
        assertThat(compileProblem("upper(Name")).isEqualTo(new Problem(ErrorCode.EXPRESSION_SYNTAX, WHERE.at(1, 11),
                "expected ')' but found end of input"));
    }

    @Test
    void functionNamesAreSorted() {
        List<String> names = ExpressionCompiler.functionNames();

        assertThat(names).isSorted().contains("upper", "from_json", "coalesce", "to_timestamp");
    }

    @Test
    void arrayTypeOfSplit() {
        DataType type = compile("split(Name, 'a')").type();

        assertThat(type).isEqualTo(new ArrayType(AtomicType.STRING, true));
        assertThat(Arrays.asList(1)).hasSize(1);
    }
}
