package sluice.spark.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import sluice.engine.expr.functions.FunctionRegistry;
import sluice.engine.expr.functions.SqlFunction;
import sluice.engine.operator.GroupingKey;
import sluice.engine.types.Batch;
import sluice.engine.types.Field;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/**
 * The example of every function in Sluice's registry gives, on Spark local mode, the same column name, type and
 * value as on Sluice (whose value the engine's own test checks against the registry's stated result).
 */
class FunctionExamplesTest {
    @TestFactory
    Stream<DynamicTest> everyRegistryExampleIsSparks() {
        return FunctionRegistry.standard().functions().stream()
                .map(f -> DynamicTest.dynamicTest(f.name() + ": " + f.example(), () -> compare(f)));
    }

    private static void compare(SqlFunction function) {
        ExpressionRun.Result spark = function.overWindow()
                ? ExpressionRun.spark(function.example(), sparkWindow())
                : ExpressionRun.spark(function.example());
        ExpressionRun.Result sluice = function.overWindow()
                ? ExpressionRun.sluice(function.example(), sluiceWindow())
                : ExpressionRun.sluice(function.example());

        assertThat(spark.stop()).as("%s: the example runs on Spark", function.example()).isNull();
        ExpressionRun.assertSame(function.example(), sluice, spark);
    }

    /**
     * The FROM clause of an overWindow example on Spark: one time window made by an aggregation, since Spark's
     * window_time takes only a column that carries its window marker.
     */
    private static String sparkWindow() {
        String start = SqlFunction.EXAMPLE_WINDOW.get(0);
        return " FROM (SELECT window FROM VALUES (TIMESTAMP '" + start + "') AS t(ts) GROUP BY window(ts, '"
                + "5 minutes'))";
    }

    /** The same window on Sluice, as the column its aggregation makes. */
    private static Batch sluiceWindow() {
        Schema schema = Schema.of(new Field("window", GroupingKey.TimeWindow.TYPE, true));
        List<Object> bounds = SqlFunction.EXAMPLE_WINDOW.stream()
                .map(text -> (Object) LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC)).toList();
        return Batch.ofRows(schema, List.of(Row.of(new Row(bounds))));
    }
}
