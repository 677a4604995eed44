package sluice.app.run;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import sluice.engine.runtime.QueryProgress;
import sluice.engine.runtime.QueryStatus;

/**
 * What the current run is doing at one moment, read from the query's status (volatile reads, never a wait) once a
 * pulse: a batch with new data is being processed, the last trigger found no data, or neither (no run, paused,
 * between batches of a flowing stream). Immutable.
 */
public record RunActivity(Phase phase, long batchId, long files, long bytes, String source) {
    /** No run, or one that is paused, starting, ended, or waiting for its next trigger after a batch with data. */
    public static final RunActivity NONE = new RunActivity(Phase.NONE, -1);

    /** {@code GETTING_OFFSETS}: a trigger is asking {@link #source} (a node id) whether it has new data. */
    public enum Phase { NONE, PROCESSING, NO_DATA, GETTING_OFFSETS }

    public RunActivity {
        requireNonNull(phase, "phase is null");
    }

    /** Of no one source. */
    public RunActivity(Phase phase, long batchId, long files, long bytes) {
        this(phase, batchId, files, bytes, null);
    }

    /** Without file figures: no file source, or a phase that reads none. */
    public RunActivity(Phase phase, long batchId) {
        this(phase, batchId, 0, 0);
    }

    /**
     * Reads Spark's status messages: "Processing new data" is batch {@code lastCommitted + 1} running, "Getting
     * offsets from echo" its trigger asking source {@code echo} for new data; "Waiting for
     * data to arrive", or "Waiting for next trigger" after a trigger that found nothing, is a stream with nothing
     * flowing. {@code input}: the running batch's figures, whose files and bytes (all file sources together) are
     * shown while it runs.
     */
    static RunActivity of(QueryStatus status, long lastCommitted, Collection<QueryProgress.SourceInput> input) {
        if (status.isTriggerActive() && status.isDataAvailable()) {
            return new RunActivity(Phase.PROCESSING, lastCommitted + 1,
                    input.stream().mapToLong(QueryProgress.SourceInput::files).sum(),
                    input.stream().mapToLong(QueryProgress.SourceInput::bytes).sum());
        }
        if (status.isTriggerActive() && status.message().startsWith(QueryStatus.GETTING_OFFSETS_FROM)) {
            return new RunActivity(Phase.GETTING_OFFSETS, lastCommitted + 1, 0, 0,
                    status.message().substring(QueryStatus.GETTING_OFFSETS_FROM.length()));
        }
        boolean waiting = status.message().equals("Waiting for data to arrive")
                || status.message().equals("Waiting for next trigger") && !status.isDataAvailable();
        return waiting && !status.isTriggerActive() ? new RunActivity(Phase.NO_DATA, lastCommitted) : NONE;
    }
}
