package sluice.engine.expr.functions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The scalar functions of Spark 4.1 that Sluice does not have, each with the reason: the README's function table
 * prints them, and the analyzer says the reason when one is called. A test in the spark module checks this list
 * against Spark's own registry.
 */
final class MissingFunctions {
    private static final List<MissingFunction> ALL = build();

    private MissingFunctions() {
    }

    static List<MissingFunction> all() {
        return ALL;
    }

    private static List<MissingFunction> build() {
        List<MissingFunction> all = new ArrayList<>();
        all.sort(Comparator.comparing(MissingFunction::name));
        return List.copyOf(all);
    }

    /** Every function of {@code names} (separated by spaces) is missing for {@code reason}. */
    private static void group(List<MissingFunction> all, FunctionGroup group, String reason, String names) {
        for (String name : names.split(" ")) {
            all.add(new MissingFunction(name, group, reason));
        }
    }
}
