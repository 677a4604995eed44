package sluice.engine.expr.functions;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * One function as users see it: its name and aliases (lower case), Spark's group, its signatures as Spark's usage
 * writes them, a one-line description, and an example with the value it gives (as a console sink prints it).
 * {@code callable} is false for operators and syntax ({@code a & b}, {@code x BETWEEN a AND b}), which are not
 * written as {@code name(...)}. With {@code overWindow} the example reads a column {@code window}, one row holding
 * the window {@link #EXAMPLE_WINDOW} as an aggregation by {@code window(ts, '5 minutes')} makes it: a function such
 * as {@code window_time} takes nothing else.
 */
public record SqlFunction(String name, List<String> aliases, FunctionGroup group, List<String> signatures,
        String description, String example, String result, boolean callable, boolean overWindow) {
    /** The window of an {@code overWindow} example: start and end, in UTC. */
    public static final List<String> EXAMPLE_WINDOW = List.of("2024-01-01 00:00:00", "2024-01-01 00:05:00");

    public SqlFunction {
        requireNonNull(name, "name is null");
        aliases = List.copyOf(aliases);
        requireNonNull(group, "group is null");
        signatures = List.copyOf(signatures);
        requireNonNull(description, "description is null");
        requireNonNull(example, "example is null");
        requireNonNull(result, "result is null");
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("no signature for " + name);
        }
    }

    /** The name and then the aliases. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(name);
        names.addAll(aliases);
        return names;
    }

    /** The signatures as written with {@code calledName} (an alias) in place of the name. */
    public List<String> signaturesAs(String calledName) {
        return signatures.stream()
                .map(s -> s.startsWith(name + "(") ? calledName + s.substring(name.length()) : s)
                .toList();
    }
}
