package sluice.engine.expr.functions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every function of the expression language, described once, looked up by name or alias (case-insensitive), and
 * the reason for each Spark function Sluice does not have. The analyzer knows a function only if it is here, so the
 * completion list and the README reference are exactly what runs. Immutable; any thread.
 */
public final class FunctionRegistry {
    private static final FunctionRegistry STANDARD = new FunctionRegistry(standardFunctions());

    private final List<SqlFunction> functions;
    private final Map<String, SqlFunction> byName = new TreeMap<>();

    private FunctionRegistry(List<SqlFunction> functions) {
        List<SqlFunction> sorted = new ArrayList<>(functions);
        sorted.sort(Comparator.comparing(SqlFunction::name));
        this.functions = List.copyOf(sorted);
        for (SqlFunction function : sorted) {
            for (String name : function.names()) {
                if (byName.put(name, function) != null) {
                    throw new IllegalStateException("function name described twice: " + name);
                }
            }
        }
    }

    /** The registry of the functions Sluice has. */
    public static FunctionRegistry standard() {
        return STANDARD;
    }

    private static List<SqlFunction> standardFunctions() {
        List<SqlFunction> all = new ArrayList<>();
        all.addAll(StringDocs.all());
        all.addAll(MathDocs.all());
        all.addAll(ConditionalDocs.all());
        all.addAll(CollectionDocs.all());
        all.addAll(ComplexDocs.all());
        all.addAll(DateTimeDocs.all());
        all.addAll(PredicateDocs.all());
        all.addAll(JsonDocs.all());
        all.addAll(HashDocs.all());
        all.addAll(BitwiseDocs.all());
        all.addAll(ConversionDocs.all());
        all.addAll(UrlDocs.all());
        all.addAll(MiscDocs.all());
        all.addAll(LambdaDocs.all());
        return all;
    }

    /** Every function, by name. */
    public List<SqlFunction> functions() {
        return functions;
    }

    /** The function with this name or alias, in any case. */
    public Optional<SqlFunction> find(String name) {
        return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Every name and alias written as {@code name(...)}, sorted. */
    public List<String> callableNames() {
        return byName.entrySet().stream().filter(e -> e.getValue().callable()).map(Map.Entry::getKey).toList();
    }

    /** Every scalar function of Spark 4.1 that Sluice does not have, by name, with the reason. */
    public List<MissingFunction> missing() {
        return MissingFunctions.all();
    }

    /** Why Sluice does not have Spark's function {@code name}; empty when Sluice has it or Spark does not. */
    public Optional<String> missingReason(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return missing().stream().filter(m -> m.name().equals(lower)).map(MissingFunction::reason).findFirst();
    }
}
