package sluice.engine.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The declaration of a node type ({@code source.file}, {@code transform.select} …): its category, how many inputs it
 * takes (and, where their order matters, their names: a join's left and right), its options and a one-line
 * description. Validation, the README's node reference and the workbench's palette, ports and property editors all
 * come from these.
 */
public record NodeKind(String name, Category category, int minInputs, int maxInputs, List<OptionSpec> options,
                       String description, List<String> inputNames) {
    /** Where a node sits in the data flow. */
    public enum Category { SOURCE, TRANSFORM, SINK }

    public static final int UNBOUNDED = Integer.MAX_VALUE;

    public NodeKind {
        requireNonNull(name, "name is null");
        requireNonNull(category, "category is null");
        requireNonNull(description, "description is null");
        options = List.copyOf(options);
        inputNames = List.copyOf(inputNames);
        if (minInputs < 0 || maxInputs < minInputs) {
            throw new IllegalArgumentException("bad input counts for " + name);
        }
        if (!inputNames.isEmpty() && inputNames.size() != maxInputs) {
            throw new IllegalArgumentException("name every input of " + name + " or none");
        }
    }

    /** A kind whose inputs are not told apart by their place (a union's), or that takes one or none. */
    public NodeKind(String name, Category category, int minInputs, int maxInputs, List<OptionSpec> options,
                    String description) {
        this(name, category, minInputs, maxInputs, options, description, List.of());
    }

    public Optional<OptionSpec> option(String optionName) {
        return options.stream().filter(o -> o.name().equals(optionName)).findFirst();
    }
}
