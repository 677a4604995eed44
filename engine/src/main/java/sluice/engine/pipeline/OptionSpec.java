package sluice.engine.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The declaration of one option of a node kind: its name (Spark's name where Spark has the option), type, default
 * (null when none), whether it is required, the allowed values of a choice, a one-line description, and the file
 * formats that read it (empty: the option is not a format's own).
 */
public record OptionSpec(String name, OptionKind kind, String defaultValue, boolean required, List<String> choices,
                         String description, List<String> formats) {
    public OptionSpec {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(description, "description is null");
        choices = List.copyOf(choices);
        formats = List.copyOf(formats);
        if (kind == OptionKind.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("choice option '" + name + "' without choices");
        }
    }

    public static OptionSpec required(String name, OptionKind kind, String description) {
        return new OptionSpec(name, kind, null, true, List.of(), description, List.of());
    }

    public static OptionSpec optional(String name, OptionKind kind, String defaultValue, String description) {
        return new OptionSpec(name, kind, defaultValue, false, List.of(), description, List.of());
    }

    public static OptionSpec choice(String name, String defaultValue, List<String> choices, String description) {
        return new OptionSpec(name, OptionKind.CHOICE, defaultValue, defaultValue == null, choices, description,
                List.of());
    }

    /**
     * Every option whose name starts with {@code prefix} (such as {@code kafka.}), passed on as it is; Spark hands
     * its Kafka source and sink every {@code kafka.*} option this way. Declared by the name {@code prefix*}.
     */
    public static OptionSpec prefixed(String prefix, String description) {
        return new OptionSpec(prefix + "*", OptionKind.STRING, null, false, List.of(), description, List.of());
    }

    /** This option, read only by files of {@code formats} (a file source's csv options, say). */
    public OptionSpec readBy(String... formats) {
        return new OptionSpec(name, kind, defaultValue, required, choices, description, List.of(formats));
    }

    /** Whether files of {@code format} read this option (every format does when it is no format's own). */
    public boolean isReadBy(String format) {
        return formats.isEmpty() || formats.stream().anyMatch(f -> f.equalsIgnoreCase(format));
    }

    /** Whether this declares a family of options by their prefix (see {@link #prefixed}). */
    public boolean isPrefix() {
        return name.endsWith("*");
    }

    /** Whether the option named {@code given} in a file is this one: same name ignoring case, or its prefix. */
    public boolean matches(String given) {
        if (!isPrefix()) {
            return name.equalsIgnoreCase(given);
        }
        int length = name.length() - 1;
        return given.length() > length && given.regionMatches(true, 0, name, 0, length);
    }

    public boolean isList() {
        return kind == OptionKind.EXPRESSION_LIST || kind == OptionKind.AGGREGATION_LIST
                || kind == OptionKind.STRING_LIST;
    }
}
