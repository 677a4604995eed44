package sluice.engine.cli;

import java.util.Locale;
import java.util.stream.Collectors;
import sluice.engine.pipeline.NodeKind;
import sluice.engine.pipeline.OptionKind;
import sluice.engine.pipeline.OptionSpec;
import sluice.engine.plan.NodeCatalog;

/** The node and option reference as Markdown, made from the catalog so the README can never disagree with it. */
final class NodeReference {
    private NodeReference() {
    }

    static String markdown(NodeCatalog catalog) {
        StringBuilder text = new StringBuilder();
        for (NodeKind kind : catalog.kinds()) {
            text.append("#### `").append(kind.name()).append("`\n\n").append(kind.description()).append(". ")
                    .append(inputs(kind)).append("\n\n");
            if (kind.options().isEmpty()) {
                text.append("No options.\n\n");
                continue;
            }
            text.append("| option | type | default | description |\n|---|---|---|---|\n");
            for (OptionSpec option : kind.options()) {
                text.append("| `").append(option.name()).append('`').append(option.required() ? " (required)" : "")
                        .append(" | ").append(type(option)).append(" | ")
                        .append(option.defaultValue() == null ? "" : "`" + option.defaultValue() + "`")
                        .append(" | ").append(option.description().replace("|", "\\|")).append(" |\n");
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String inputs(NodeKind kind) {
        if (kind.maxInputs() == 0) {
            return "No inputs.";
        } else if (kind.maxInputs() == NodeKind.UNBOUNDED) {
            return "At least " + kind.minInputs() + " inputs.";
        }
        if (kind.minInputs() == kind.maxInputs()) {
            return kind.minInputs() == 1 ? "One input." : "Exactly " + kind.minInputs() + " inputs.";
        }
        return kind.minInputs() + " to " + kind.maxInputs() + " inputs.";
    }

    private static String type(OptionSpec option) {
        if (option.kind() == OptionKind.CHOICE) {
            return option.choices().stream().collect(Collectors.joining(" \\| "));
        }
        return option.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
