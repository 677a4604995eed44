package sluice.spark.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import sluice.engine.expr.functions.FunctionRegistry;
import sluice.engine.expr.functions.SqlFunction;

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
        ExpressionRun.Result spark = ExpressionRun.spark(function.example());
        ExpressionRun.Result sluice = ExpressionRun.sluice(function.example());

        assertThat(spark.stop()).as("%s: the example runs on Spark", function.example()).isNull();
        ExpressionRun.assertSame(function.example(), sluice, spark);
    }
}
