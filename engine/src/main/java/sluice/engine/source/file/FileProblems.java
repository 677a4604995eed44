package sluice.engine.source.file;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.diag.SluiceException;

/** The errors every format reports the same way: a file that vanished or cannot be read. */
public final class FileProblems {
    private FileProblems() {
    }

    /** SOURCE_FAILED naming the node and the file; Spark fails the same way unless ignoreMissingFiles is set. */
    public static SluiceException unreadable(String nodeId, Path file, IOException e) {
        String reason = e instanceof NoSuchFileException ? "it no longer exists"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return Problem.of(ErrorCode.SOURCE_FAILED, Position.node(nodeId), "cannot read file '%s': %s",
                file.getFileName(), reason).toException();
    }
}
