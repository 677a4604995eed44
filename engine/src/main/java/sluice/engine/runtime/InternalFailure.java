package sluice.engine.runtime;

/**
 * A bug surfaced while running a node (not a user error): carries the node id so the user can be told
 * "internal error in node X" while the stack trace goes to the log.
 */
public final class InternalFailure extends RuntimeException {
    private final String nodeId;

    public InternalFailure(String nodeId, Throwable cause) {
        super("internal error in node '" + nodeId + "': " + cause, cause);
        this.nodeId = nodeId;
    }

    public String nodeId() {
        return nodeId;
    }
}
