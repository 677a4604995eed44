package sluice.engine.expr;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.diag.SluiceException;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/**
 * A two-row input for expression tests: row 0 has a value in every column, row 1 is all nulls. Compiles against it,
 * evaluates at batch time 0 in UTC, and catches problems. Immutable.
 */
public final class ExpressionFixture {
    public static final ZoneId UTC = ZoneId.of("UTC");
    public static final Position WHERE = Position.option("change-1", "expressions");
    public static final Schema SCHEMA = SchemaParser.parse("s STRING, j STRING, x DOUBLE, i INT, n BIGINT, "
            + "p DECIMAL(10,2), d DATE, ts TIMESTAMP, b BOOLEAN, Open DOUBLE, Close DOUBLE, Name STRING", WHERE);
    public static final Batch BATCH = Batch.ofRows(SCHEMA, List.of(
            Row.of("Hello World", "{\"a\":1,\"b\":\"x\"}", 2.5, 3, 100L, new BigDecimal("1.50"),
                    LocalDate.of(2015, 1, 2), Instant.parse("2015-01-02T10:20:30Z"), true, 10.0, 12.5, "aapl"),
            Row.of(null, null, null, null, null, null, null, null, null, null, null, null)));
    private static final ExpressionCompiler COMPILER = new ExpressionCompiler(UTC);

    private ExpressionFixture() {
    }

    public static CompiledExpression compile(String text) {
        return COMPILER.compile(text, SCHEMA, WHERE);
    }

    /** The values of both rows in their Java form (Integer, Long, Double, String, LocalDate, Instant, List, Row). */
    public static List<Object> eval(String text) {
        ColumnVector column = compile(text).evaluate(BATCH, new EvalContext(0L, UTC));
        List<Object> values = new ArrayList<>();
        for (int row = 0; row < column.size(); row++) {
            values.add(column.get(row));
        }
        return values;
    }

    /** The first row's value as text, "null" for null. */
    public static String first(String text) {
        return String.valueOf(eval(text).get(0));
    }

    public static Problem compileProblem(String text) {
        return catchThrowableOfType(SluiceException.class, () -> compile(text)).problem();
    }

    public static Problem runProblem(String text) {
        CompiledExpression expression = compile(text);
        return catchThrowableOfType(SluiceException.class,
                () -> expression.evaluate(BATCH, new EvalContext(0L, UTC))).problem();
    }

    public static Position at(int line, int column) {
        return WHERE.at(line, column);
    }
}
