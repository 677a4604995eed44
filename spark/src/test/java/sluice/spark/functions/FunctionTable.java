package sluice.spark.functions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sluice.engine.expr.functions.FunctionGroup;
import sluice.engine.expr.functions.FunctionRegistry;
import sluice.engine.expr.functions.SqlFunction;
import sluice.spark.functions.SparkFunctions.SparkFunction;

/**
 * The README's function reference: every scalar function of Spark 4.1, group by group in Spark's groups, with
 * Sluice's signature, description and example where Sluice has it and the reason where it does not.
 */
final class FunctionTable {
    private FunctionTable() {
    }

    static String markdown(List<SparkFunction> spark, FunctionRegistry sluice) {
        Map<FunctionGroup, List<SparkFunction>> groups = new LinkedHashMap<>();
        for (FunctionGroup group : FunctionGroup.values()) {
            List<SparkFunction> members = spark.stream().filter(f -> f.group() == group).toList();
            if (group.isScalar() && !members.isEmpty()) {
                groups.put(group, members);
            }
        }
        long total = groups.values().stream().mapToLong(List::size).sum();
        long present = groups.values().stream().flatMap(List::stream)
                .filter(f -> sluice.find(f.name()).isPresent()).count();
        StringBuilder text = new StringBuilder();
        text.append("Sluice has ").append(present).append(" of Spark 4.1's ").append(total)
                .append(" scalar functions and operators.\n");
        groups.forEach((group, members) -> {
            long has = members.stream().filter(f -> sluice.find(f.name()).isPresent()).count();
            text.append("\n#### ").append(group.sparkName()).append(" (").append(has).append(" of ")
                    .append(members.size()).append(")\n\n");
            text.append("| function | Sluice | what it does |\n|---|---|---|\n");
            for (SparkFunction function : members) {
                text.append(row(function, sluice)).append('\n');
            }
        });
        return text.toString();
    }

    private static String row(SparkFunction function, FunctionRegistry sluice) {
        String name = code(function.name());
        Optional<SqlFunction> found = sluice.find(function.name());
        if (found.isEmpty()) {
            String reason = sluice.missingReason(function.name()).orElse("");
            return "| " + name + " | no | " + escape(reason) + " |";
        }
        SqlFunction f = found.get();
        String signatures = String.join("<br>", f.signaturesAs(function.name()).stream().map(FunctionTable::code)
                .toList());
        String what = f.name().equals(function.name())
                ? escape(f.description()) + "; " + code(f.example()) + " → " + code(f.result())
                : "Another name of " + code(f.name());
        return "| " + name + " | " + signatures + " | " + what + " |";
    }

    /** Text in backquotes; a pipe inside a table cell is escaped even there. */
    private static String code(String text) {
        String fence = text.contains("`") ? "``" : "`";
        String padded = text.startsWith("`") || text.endsWith("`") ? " " + text + " " : text;
        return fence + escape(padded) + fence;
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }
}
