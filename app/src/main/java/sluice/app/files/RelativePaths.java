package sluice.app.files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.OptionKind;
import sluice.engine.pipeline.OptionSpec;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.plan.NodeCatalog;

/**
 * Relative paths of a pipeline (its path options and {@code checkpointLocation}) resolve against the pipeline file's
 * folder, so a pipeline saved into another folder needs them rewritten to name the same folders from there.
 * Stateless.
 */
final class RelativePaths {
    private RelativePaths() {
    }

    /** {@code spec} as it must read in {@code to} to mean what it meant in {@code from}; absolute paths stay. */
    static PipelineSpec rebase(PipelineSpec spec, Path from, Path to, NodeCatalog catalog) {
        Path fromDir = from.toAbsolutePath().normalize();
        Path toDir = to.toAbsolutePath().normalize();
        if (fromDir.equals(toDir)) {
            return spec;
        }
        List<NodeSpec> nodes = new ArrayList<>(spec.nodes().size());
        for (NodeSpec node : spec.nodes()) {
            NodeSpec moved = node;
            for (OptionSpec option : catalog.type(node.type()).map(type -> type.kind().options()).orElse(List.of())) {
                if (option.kind() != OptionKind.PATH) {
                    continue;
                }
                OptionValue value = node.option(option.name()).orElse(null);
                if (value instanceof OptionValue.Text text) {
                    moved = moved.withOption(option.name(), OptionValue.of(rebase(text.value(), fromDir, toDir)));
                }
            }
            nodes.add(moved);
        }
        String checkpoint = spec.checkpointLocation();
        PipelineSpec rebased = spec.withNodes(nodes);
        return checkpoint == null ? rebased : rebased.withCheckpointLocation(rebase(checkpoint, fromDir, toDir));
    }

    private static String rebase(String text, Path fromDir, Path toDir) {
        Path path;
        try {
            path = Path.of(text);
        } catch (java.nio.file.InvalidPathException e) {
            return text;
        }
        if (text.isBlank() || path.isAbsolute()) {
            return text;
        }
        Path target = fromDir.resolve(path).normalize();
        try {
            String relative = toDir.relativize(target).toString();
            return relative.isEmpty() ? "." : relative.replace('\\', '/');
        } catch (IllegalArgumentException e) {
            // Another root (a Windows drive): only an absolute path still names the folder.
            return target.toString();
        }
    }
}
