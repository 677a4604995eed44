package sluice.engine.expr.functions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Collects the described functions of one group. Mutable; used only while the registry is built. */
final class Docs {
    /**
     * Compiled once: {@code String.split} compiles a separator of two characters as a pattern on every call, some
     * 450 times while the registry is built on a run's start.
     */
    private static final Pattern SIGNATURES = Pattern.compile("; ", Pattern.LITERAL);

    private final FunctionGroup group;
    private final List<SqlFunction> functions = new ArrayList<>();

    Docs(FunctionGroup group) {
        this.group = group;
    }

    /**
     * A function: {@code names} is the name and then its aliases, separated by spaces; {@code signatures} one or
     * more, separated by {@code "; "}.
     */
    Docs add(String names, String signatures, String description, String example, String result) {
        return add(names, signatures, description, example, result, true, false);
    }

    /** A function whose example reads the column {@code window} (see {@link SqlFunction#overWindow()}). */
    Docs overWindow(String names, String signatures, String description, String example, String result) {
        return add(names, signatures, description, example, result, true, true);
    }

    /** An operator or syntax, written otherwise than {@code name(...)}. */
    Docs operator(String names, String signatures, String description, String example, String result) {
        return add(names, signatures, description, example, result, false, false);
    }

    private Docs add(String names, String signatures, String description, String example, String result,
            boolean callable, boolean overWindow) {
        List<String> all = Arrays.asList(names.split(" "));
        functions.add(new SqlFunction(all.get(0), all.subList(1, all.size()), group,
                Arrays.asList(SIGNATURES.split(signatures)), description, example, result, callable, overWindow));
        return this;
    }

    List<SqlFunction> functions() {
        return List.copyOf(functions);
    }
}
