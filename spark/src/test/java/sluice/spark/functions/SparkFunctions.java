package sluice.spark.functions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.analysis.FunctionRegistry;
import org.apache.spark.sql.catalyst.expressions.ExpressionInfo;
import sluice.engine.expr.functions.FunctionGroup;

/** The functions of Spark's built-in registry, by name, with their group and documentation. */
public final class SparkFunctions {
    /** One function name of Spark's registry (an alias is a name of its own there). */
    public record SparkFunction(String name, FunctionGroup group, ExpressionInfo info) {}

    private SparkFunctions() {
    }

    public static List<SparkFunction> all() {
        FunctionRegistry registry = FunctionRegistry.builtin();
        List<SparkFunction> all = new ArrayList<>();
        for (FunctionIdentifier id : scala.jdk.javaapi.CollectionConverters.asJava(registry.listFunction())) {
            ExpressionInfo info = registry.lookupFunction(id).get();
            all.add(new SparkFunction(id.funcName(), FunctionGroup.ofSparkName(info.getGroup()), info));
        }
        all.sort(Comparator.comparing(SparkFunction::name));
        return List.copyOf(all);
    }

    /** Spark's scalar functions: not aggregate, window, generator or table functions, as Spark groups them. */
    public static List<SparkFunction> scalar() {
        return all().stream().filter(f -> f.group().isScalar()).toList();
    }
}
