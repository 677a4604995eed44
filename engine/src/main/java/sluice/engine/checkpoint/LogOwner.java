package sluice.engine.checkpoint;

import static java.util.Objects.requireNonNull;

import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.diag.SluiceException;

/**
 * Whom a log's problems are reported against: the pipeline's checkpoint ({@code checkpointLocation}) or a node (a
 * source's file log, a file sink's {@code _spark_metadata}), with the error code that fits. Immutable.
 */
public record LogOwner(ErrorCode code, Position position) {
    public static final LogOwner CHECKPOINT =
            new LogOwner(ErrorCode.CHECKPOINT_FAILED, Position.option(null, "checkpointLocation"));

    public LogOwner {
        requireNonNull(code, "code is null");
        requireNonNull(position, "position is null");
    }

    /** The log of node {@code nodeId}, failing with {@code code}. */
    public static LogOwner node(String nodeId, ErrorCode code) {
        return new LogOwner(code, Position.node(nodeId));
    }

    /** A one-line problem of this owner, ready to throw. */
    public SluiceException fail(String format, Object... args) {
        return Problem.of(code, position, format, args).toException();
    }
}
