package sluice.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import sluice.engine.diag.Position;
import sluice.engine.types.Batch;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/**
 * A DOUBLE column against a constant orders as Spark does: NaN above every number and equal to itself, -0.0 equal to
 * 0.0, and null stays null.
 */
class DoubleComparisonTest {
    private static final Position WHERE = Position.option("f", "condition");
    private static final Schema SCHEMA = SchemaParser.parse("x DOUBLE", WHERE);
    private static final List<Double> VALUES = Arrays.asList(Double.NaN, -0.0, 0.0, 1.0, -1.0,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, null);

    @Test
    void againstANumber() {
        for (int c : new int[] {0, 1, -1}) {
            String constant = String.valueOf(c);
            assertThat(eval("x > " + constant)).isEqualTo(expected(c, order -> order > 0));
            assertThat(eval("x >= " + constant)).isEqualTo(expected(c, order -> order >= 0));
            assertThat(eval("x < " + constant)).isEqualTo(expected(c, order -> order < 0));
            assertThat(eval("x <= " + constant)).isEqualTo(expected(c, order -> order <= 0));
            assertThat(eval("x = " + constant)).isEqualTo(expected(c, order -> order == 0));
        }
        assertThat(eval("x > 0")).containsExactly(true, false, false, true, false, true, false, null);
        assertThat(eval("x <= CAST(-0.0 AS DOUBLE)"))
                .containsExactly(false, true, true, false, true, false, true, null);
    }

    @Test
    void againstNaN() {
        String nan = "CAST('NaN' AS DOUBLE)";
        assertThat(eval("x > " + nan)).isEqualTo(expected(Double.NaN, order -> order > 0));
        assertThat(eval("x >= " + nan)).isEqualTo(expected(Double.NaN, order -> order >= 0));
        assertThat(eval("x < " + nan)).isEqualTo(expected(Double.NaN, order -> order < 0));
        assertThat(eval("x = " + nan)).containsExactly(true, false, false, false, false, false, false, null);
    }

    /** Spark's order of two doubles: NaN last and equal to itself, -0.0 equal to 0.0. */
    private static List<Boolean> expected(double c, IntPredicate test) {
        List<Boolean> out = new ArrayList<>();
        for (Double x : VALUES) {
            out.add(x == null ? null : test.test(x == c ? 0 : Double.compare(x, c)));
        }
        return out;
    }

    private static List<Object> eval(String text) {
        List<Row> rows = new ArrayList<>();
        VALUES.forEach(x -> rows.add(Row.of(x)));
        Batch batch = Batch.ofRows(SCHEMA, rows);
        CompiledExpression expression = new ExpressionCompiler(ZoneId.of("UTC")).compile(text, SCHEMA, WHERE);
        expression.foldConstants(new EvalContext(0L, ZoneId.of("UTC")));
        ColumnVector column = expression.evaluate(batch, new EvalContext(0L, ZoneId.of("UTC")));
        List<Object> values = new ArrayList<>();
        for (int row = 0; row < column.size(); row++) {
            values.add(column.get(row));
        }
        return values;
    }
}
