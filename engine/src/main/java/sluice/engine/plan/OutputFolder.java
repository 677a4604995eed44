package sluice.engine.plan;

import java.nio.file.Files;
import java.nio.file.Path;
import sluice.engine.diag.ErrorCode;

/**
 * Checks before the run that a sink's output folder can be written: it is a folder that may be written, or it can be
 * made (its nearest existing parent is a folder that may be written). Nothing is created here; the sink makes the
 * folder when its first batch commits.
 */
final class OutputFolder {
    private OutputFolder() {
    }

    /** False, with a problem on {@code path}, when the run would fail to write into {@code folder}. */
    static boolean check(NodeContext context, Path folder) {
        if (Files.exists(folder)) {
            if (!Files.isDirectory(folder)) {
                context.problem("path", ErrorCode.BAD_OPTION_VALUE, "'%s' is a file; sink.file writes into a folder",
                        folder);
                return false;
            }
            if (!Files.isWritable(folder)) {
                context.problem("path", ErrorCode.BAD_OPTION_VALUE, "cannot write into folder '%s': permission denied",
                        folder);
                return false;
            }
            return true;
        }
        Path parent = folder.getParent();
        while (parent != null && !Files.exists(parent)) {
            parent = parent.getParent();
        }
        if (parent == null) {
            return true;
        }
        if (!Files.isDirectory(parent)) {
            context.problem("path", ErrorCode.BAD_OPTION_VALUE, "cannot create folder '%s': '%s' is a file", folder,
                    parent);
            return false;
        }
        if (!Files.isWritable(parent)) {
            context.problem("path", ErrorCode.BAD_OPTION_VALUE,
                    "cannot create folder '%s': no permission to write in '%s'", folder, parent);
            return false;
        }
        return true;
    }
}
