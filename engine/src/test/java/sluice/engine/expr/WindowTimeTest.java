package sluice.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.diag.SluiceException;
import sluice.engine.operator.GroupingKey;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.Field;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/** window_time over the column a window key makes: Spark's value, name and type, and Spark's refusals. */
class WindowTimeTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Position WHERE = Position.option("times", "expressions");
    private static final Schema SCHEMA = Schema.of(new Field("window", GroupingKey.TimeWindow.TYPE, true),
            new Field("ts", AtomicType.TIMESTAMP, true));
    private static final Batch BATCH = Batch.ofRows(SCHEMA, List.of(
            Row.of(new Row(List.of(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:05:00Z"))),
                    Instant.parse("2024-01-01T00:03:00Z")),
            Row.of(null, null)));
    private static final ExpressionCompiler COMPILER = new ExpressionCompiler(UTC);

    @Test
    void isTheWindowsEndLessAMicrosecondTypedAndNamedAsSparkDoes() {
        CompiledExpression time = COMPILER.compile("window_time(window)", SCHEMA, WHERE);
        ColumnVector values = time.evaluate(BATCH, new EvalContext(0L, UTC));

        assertThat(time.name()).isEqualTo("window_time(window)");
        assertThat(time.type()).isEqualTo(AtomicType.TIMESTAMP);
        assertThat(values.get(0)).isEqualTo(Instant.parse("2024-01-01T00:04:59.999999Z"));
        assertThat(values.get(1)).isNull();
    }

    @Test
    void aStructTheExpressionBuildsIsNoWindowColumn() {
        Problem problem = problem("window_time(named_struct('start', ts, 'end', ts))");

        assertThat(problem.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(problem.message()).isEqualTo("The input is not a correct window column: "
                + "window_time(named_struct(start, ts, end, ts)); window_time takes the column that a window(...) "
                + "or session_window(...) key of an aggregation made, such as 'window'");
    }

    @Test
    void aValueThatIsNoStructIsRefusedAsSparkRefusesIt() {
        Problem problem = problem("window_time(ts)");

        assertThat(problem.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(problem.message()).isEqualTo("[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "
                + "\"window_time(ts)\" due to data type mismatch: The first parameter requires the \"STRUCT\" type, "
                + "however \"ts\" has the type \"TIMESTAMP\"");
    }

    @Test
    void takesOneArgument() {
        assertThat(problem("window_time(window, window)").code()).isEqualTo(ErrorCode.WRONG_ARGUMENTS);
    }

    private static Problem problem(String text) {
        return catchThrowableOfType(SluiceException.class, () -> COMPILER.compile(text, SCHEMA, WHERE)).problem();
    }
}
