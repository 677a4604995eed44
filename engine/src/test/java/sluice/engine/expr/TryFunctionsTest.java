package sluice.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static sluice.engine.expr.ExpressionFixture.UTC;
import static sluice.engine.expr.ExpressionFixture.WHERE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Problem;
import sluice.engine.diag.SluiceException;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DecimalType;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/**
 * Spark's try_add, try_subtract, try_multiply, try_divide, try_mod, try_element_at, try_to_date and try_to_timestamp:
 * the plain operation's type and Spark's generated name, null where the plain operation fails, and only there.
 */
class TryFunctionsTest {
    private static final Schema SCHEMA = SchemaParser.parse(
            "a INT, b INT, big BIGINT, p DECIMAL(38,0), x DOUBLE, s STRING, d DATE", WHERE);
    private static final Batch BATCH = Batch.ofRows(SCHEMA, List.of(
            Row.of(2147483647, 0, Long.MAX_VALUE, new BigDecimal("99999999999999999999999999999999999999"), 1.5,
                    "x", LocalDate.of(2015, 1, 2)),
            Row.of(6, 3, 2L, BigDecimal.ONE, 4.0, "7", LocalDate.of(2015, 1, 3)),
            Row.of(null, 1, null, null, null, null, null)));
    private static final ExpressionCompiler COMPILER = new ExpressionCompiler(UTC);

    private static CompiledExpression compile(String text) {
        return COMPILER.compile(text, SCHEMA, WHERE);
    }

    private static List<Object> eval(String text) {
        ColumnVector column = compile(text).evaluate(BATCH, new EvalContext(0L, UTC));
        List<Object> values = new ArrayList<>();
        for (int row = 0; row < column.size(); row++) {
            values.add(column.get(row));
        }
        return values;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "try_add(a, 1)          | null | 7    | null",
        "try_subtract(-a, 2)    | null | -8   | null",
        "try_multiply(a, 2)     | null | 12   | null",
        "try_multiply(big, 2)   | null | 4    | null",
        "try_add(p, p)          | null | 2    | null",
        "try_divide(a, b)       | null | 2.0  | null",
        "try_divide(p, b)       | null | 0.333333 | null",
        "try_divide(x, b)       | null | 1.3333333333333333 | null",
        "try_mod(a, b)          | null | 0    | null",
        "try_mod(x, b - b)      | null | null | null",
    })
    void rowsThatWouldFailAreNullAndTheOthersComputed(String expression, String first, String second,
            String third) {
        assertThat(eval(expression)).extracting(String::valueOf).containsExactly(first, second, third);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a + 1      | ARITHMETIC_OVERFLOW",
        "a / b      | DIVIDE_BY_ZERO",
        "a % b      | DIVIDE_BY_ZERO",
        "p + p      | ARITHMETIC_OVERFLOW",
    })
    void thePlainOperatorStillFails(String expression, ErrorCode code) {
        CompiledExpression plain = compile(expression);

        Problem problem = catchThrowableOfType(SluiceException.class,
                () -> plain.evaluate(BATCH, new EvalContext(0L, UTC))).problem();

        assertThat(problem.code()).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "try_add(a, b)        | try_add(a, b)        | INT",
        "TRY_ADD(a, 1)        | try_add(a, 1)        | INT",
        "try_divide(a, b)     | try_divide(a, b)     | DOUBLE",
        "try_mod(big, a)      | try_mod(big, a)      | BIGINT",
        "try_add(d, b)        | try_add(d, b)        | DATE",
        "try_element_at(split(s, ','), 1) | try_element_at(split(s, ,, -1), 1) | STRING",
        "try_to_date(s)       | try_to_date(s)       | DATE",
        "try_to_timestamp(s, 'yyyy') | try_to_timestamp(s, yyyy) | TIMESTAMP",
    })
    void typeAndNameAreSparks(String expression, String name, String type) {
        CompiledExpression compiled = compile(expression);

        assertThat(compiled.name()).isEqualTo(name);
        assertThat(compiled.type().sql()).isEqualTo(type);
        assertThat(compiled.nullable()).isTrue();
    }

    @Test
    void decimalTypeIsThePlainOperatorsType() {
        assertThat(compile("try_multiply(p, 2)").type()).isEqualTo(compile("p * 2").type());
        assertThat(compile("try_divide(p, b)").type()).isEqualTo(new DecimalType(38, 6));
    }

    // Spark runs try_add on two numbers as Add in TRY mode: only the addition's own overflow becomes null.
    @Test
    void onNumbersAFailingOperandStillFails() {
        CompiledExpression expression = compile("try_add(CAST(s AS INT), 1)");

        Problem problem = catchThrowableOfType(SluiceException.class,
                () -> expression.evaluate(BATCH, new EvalContext(0L, UTC))).problem();

        assertThat(problem.code()).isEqualTo(ErrorCode.CAST_INVALID_INPUT);
    }

    // On anything else Spark wraps the operator in TryEval, which makes any failure inside null: 'x' is no number.
    @Test
    void onOtherTypesAnyFailureInsideIsNull() {
        assertThat(eval("try_add(s, 1)")).containsExactly(null, 8L, null);
        assertThat(eval("try_add(d, b)")).containsExactly(LocalDate.of(2015, 1, 2), LocalDate.of(2015, 1, 6),
                null);
    }

    @Test
    void tryElementAtIsNullPastEitherEndButIndexZeroStillFails() {
        assertThat(eval("try_element_at(split(s, ','), 2)")).containsExactly(null, null, null);
        assertThat(eval("try_element_at(split(s, ','), -2)")).containsExactly(null, null, null);
        CompiledExpression zero = compile("try_element_at(split(s, ','), 0)");

        Problem problem = catchThrowableOfType(SluiceException.class,
                () -> zero.evaluate(BATCH, new EvalContext(0L, UTC))).problem();

        assertThat(problem.message()).isEqualTo("[INVALID_INDEX_OF_ZERO] The index 0 is invalid. An index shall be "
                + "either < 0 or > 0 (the first element has index 1).");
    }

    @Test
    void tryToDateAndTimestampAreNullForTextTheyCannotRead() {
        assertThat(eval("try_to_date(s)").get(0)).isNull();
        assertThat(eval("try_to_timestamp(s)").get(0)).isNull();
        assertThat(eval("try_to_date(concat('2015-01-0', s), 'yyyy-MM-dd')")).containsExactly(null,
                LocalDate.of(2015, 1, 7), null);
        assertThat(eval("try_to_timestamp(concat('2015-01-0', s, ' 10'), 'yyyy-MM-dd HH')"))
                .extracting(String::valueOf).containsExactly("null", "2015-01-07T10:00:00Z", "null");
    }

    @Test
    void arityAndTypeProblemsNameTheFunction() {
        Problem arity = catchThrowableOfType(SluiceException.class, () -> compile("try_add(a)")).problem();
        Problem type = catchThrowableOfType(SluiceException.class, () -> compile("try_add(d = d, 1)")).problem();

        assertThat(arity.message()).isEqualTo("function 'try_add' takes 2 arguments but 1 was given");
        assertThat(type.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(type.message()).isEqualTo("'try_add' requires a numeric type but '(d = d)' has type BOOLEAN");
        assertThat(compile("try_subtract(a, b)").type()).isEqualTo(AtomicType.INT);
    }
}
