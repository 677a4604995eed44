package sluice.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static sluice.engine.expr.ExpressionFixture.UTC;
import static sluice.engine.expr.ExpressionFixture.WHERE;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Problem;
import sluice.engine.diag.SluiceException;
import sluice.engine.expr.parse.Parser;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/**
 * Expressions as deep as {@link Parser#MAX_NESTING} go through every recursive step (parse, analysis, generated name,
 * compilation, evaluation, referenced columns) on a thread with half the JVM's default 1 MB stack, so they fit on any
 * thread Sluice runs them on, compiled or interpreted; one level deeper is a problem, never a StackOverflowError.
 */
class NestingLimitTest {
    private static final long HALF_THE_DEFAULT_STACK = 512 * 1024;
    private static final Schema SCHEMA = SchemaParser.parse("a INT, b BOOLEAN, s STRING, n STRING, unused INT",
            WHERE);
    private static final Batch BATCH = Batch.ofRows(SCHEMA, List.of(Row.of(1, true, "x", "1", 0),
            Row.of(null, null, null, null, null)));
    private static final ExpressionCompiler COMPILER = new ExpressionCompiler(UTC);

    /** The expression of {@code shape} nesting exactly {@code levels} levels deep. */
    static String nested(String shape, int levels) {
        int around = levels - 1;
        return switch (shape) {
            case "parentheses" -> "(".repeat(around) + "a" + ")".repeat(around);
            case "sum" -> String.join(" + ", Collections.nCopies(levels, "a"));
            case "concat" -> String.join(" || ", Collections.nCopies(levels, "s"));
            case "calls" -> "abs(".repeat(around) + "a" + ")".repeat(around);
            case "coalesce" -> "coalesce(".repeat(around) + "a" + ", 0)".repeat(around);
            case "minus" -> "- ".repeat(around) + "a";
            case "not" -> "NOT ".repeat(around) + "b";
            case "case" -> "CASE WHEN b THEN ".repeat(around) + "a" + " ELSE 0 END".repeat(around);
            case "if" -> "if(b, ".repeat(around) + "a" + ", 0)".repeat(around);
            case "cast" -> "CAST(".repeat(around) + "a" + " AS BIGINT)".repeat(around);
            // Every level converts its operand implicitly (a string to DOUBLE for abs, a DOUBLE to string for
            // concat), so the typed tree is twice as deep as the text.
            case "coerced" -> "concat(abs(".repeat(around / 2) + "n" + "))".repeat(around / 2);
            default -> throw new IllegalArgumentException(shape);
        };
    }

    private static <T> T onSmallStack(java.util.function.Supplier<T> work) throws InterruptedException {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "small-stack", HALF_THE_DEFAULT_STACK);
        thread.start();
        thread.join();
        assertThat(failure.get()).as("failure on a %d KB stack", HALF_THE_DEFAULT_STACK / 1024).isNull();
        return result.get();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"parentheses", "sum", "concat", "calls", "coalesce", "minus", "not", "case", "if", "cast",
            "coerced"})
    void expressionAtTheLimitRunsOnHalfTheDefaultStack(String shape) throws InterruptedException {
        String text = nested(shape, Parser.MAX_NESTING);

        ColumnVector values = onSmallStack(() -> {
            CompiledExpression expression = COMPILER.compile(text, SCHEMA, WHERE);
            expression.name();
            expression.referencedColumns();
            return expression.evaluate(BATCH, new EvalContext(0L, UTC));
        });

        assertThat(values.size()).isEqualTo(2);
        assertThat(values.isNull(0)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"parentheses", "sum", "concat", "calls", "coalesce", "minus", "not", "case", "if", "cast"})
    void oneLevelDeeperIsAProblemAtTheOption(String shape) {
        Problem problem = catchThrowableOfType(SluiceException.class,
                () -> COMPILER.compile(nested(shape, Parser.MAX_NESTING + 1), SCHEMA, WHERE)).problem();

        assertThat(problem.code()).isEqualTo(ErrorCode.EXPRESSION_SYNTAX);
        assertThat(problem.where().nodeId()).isEqualTo(WHERE.nodeId());
        assertThat(problem.where().line()).isEqualTo(1);
        assertThat(problem.message()).isEqualTo("the expression nests more than " + Parser.MAX_NESTING
                + " levels deep (operators, function calls and parentheses); split it into "
                + "smaller expressions");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"1000 parentheses, 1000", "3000 terms, 3000", "100000 calls, 100000"})
    void theProbesExamplesAreProblemsNotStackOverflows(String example, int size) {
        String text = example.endsWith("parentheses") ? nested("parentheses", size)
                : example.endsWith("terms") ? nested("sum", size) : nested("calls", size);

        Problem problem = catchThrowableOfType(SluiceException.class, () -> COMPILER.compile(text, SCHEMA, WHERE))
                .problem();

        assertThat(problem.message()).isEqualTo("the expression nests more than " + Parser.MAX_NESTING
                + " levels deep (operators, function calls and parentheses); split it into "
                + "smaller expressions");
    }
}
