package sluice.engine.export;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mutable, one per export: the variable of each node, made from its id ({@code filter-2} becomes {@code filter_2}).
 * The same names serve both languages, so a name that is a keyword of either, or one the script itself uses
 * ({@code spark}, {@code F}, {@code expr} …), gets a trailing underscore; ids that clean to the same name get
 * {@code _2}, {@code _3} in plan order.
 */
final class VariableNames {
    private static final Set<String> RESERVED = Set.of(
            // Python keywords
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
            "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
            "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
            // Scala keywords
            "abstract", "case", "catch", "do", "extends", "false", "final", "forSome", "implicit", "lazy", "macro",
            "match", "new", "null", "object", "override", "package", "private", "protected", "sealed", "super",
            "this", "throw", "trait", "true", "type", "val", "var",
            // names the scripts use
            "spark", "F", "SparkSession", "expr", "Trigger", "SluiceExport", "main", "args", "query", "print",
            "println", "Array", "Unit", "String", "_");

    private final Map<String, String> byNodeId = new LinkedHashMap<>();
    private final Set<String> taken = new HashSet<>();

    /** The variable of {@code nodeId}, made on first use. */
    String of(String nodeId) {
        return byNodeId.computeIfAbsent(nodeId, this::fresh);
    }

    List<String> all() {
        return List.copyOf(byNodeId.values());
    }

    private String fresh(String nodeId) {
        String base = clean(nodeId);
        String name = base;
        for (int n = 2; !taken.add(name); n++) {
            name = base + "_" + n;
        }
        return name;
    }

    /** ASCII letters, digits and underscores, not starting with a digit, not reserved. */
    static String clean(String id) {
        StringBuilder name = new StringBuilder();
        for (char c : id.toCharArray()) {
            boolean plain = c < 128 && (Character.isLetterOrDigit(c) || c == '_');
            name.append(plain ? c : '_');
        }
        if (name.length() == 0 || Character.isDigit(name.charAt(0))) {
            name.insert(0, "node_");
        }
        String result = name.toString();
        return RESERVED.contains(result) ? result + "_" : result;
    }
}
