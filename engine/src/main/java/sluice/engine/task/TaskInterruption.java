package sluice.engine.task;

/**
 * Thrown where a micro-batch's work stops because its query is stopping: the batch is abandoned, not committed, and
 * runs again with the same offsets on the next start. Not a failure of the query and never shown to a user.
 */
public final class TaskInterruption extends RuntimeException {
    private TaskInterruption(Throwable cause) {
        super("the micro-batch was interrupted because its query is stopping", cause, false, false);
    }

    /**
     * Throws when the running thread has been interrupted. Cheap (one read of the thread's interrupt flag): call it
     * in every loop that can run for long, such as once per few thousand rows or once per chunk of a file. Leaves the
     * flag set, so blocking calls further up notice it too.
     */
    public static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new TaskInterruption(null);
        }
    }

    /** For a blocking call that was interrupted: sets the thread's interrupt flag again, which catching cleared. */
    public static TaskInterruption of(InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return new TaskInterruption(interrupted);
    }
}
