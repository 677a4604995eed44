package sluice.engine.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The declaration of one option of a node kind: its name (Spark's name where Spark has the option), type, default
 * (null when none), whether it is required, the allowed values of a choice, and a one-line description.
 */
public record OptionSpec(String name, OptionKind kind, String defaultValue, boolean required, List<String> choices,
                         String description) {
    public OptionSpec {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(description, "description is null");
        choices = List.copyOf(choices);
        if (kind == OptionKind.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("choice option '" + name + "' without choices");
        }
    }

    public static OptionSpec required(String name, OptionKind kind, String description) {
        return new OptionSpec(name, kind, null, true, List.of(), description);
    }

    public static OptionSpec optional(String name, OptionKind kind, String defaultValue, String description) {
        return new OptionSpec(name, kind, defaultValue, false, List.of(), description);
    }

    public static OptionSpec choice(String name, String defaultValue, List<String> choices, String description) {
        return new OptionSpec(name, OptionKind.CHOICE, defaultValue, defaultValue == null, choices, description);
    }

    public boolean isList() {
        return kind == OptionKind.EXPRESSION_LIST || kind == OptionKind.STRING_LIST;
    }
}
