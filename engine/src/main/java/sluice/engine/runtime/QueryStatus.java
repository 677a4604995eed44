package sluice.engine.runtime;

import static java.util.Objects.requireNonNull;

/**
 * What a query is doing right now, as Spark's {@code StreamingQueryStatus}: a message ("Waiting for data to arrive",
 * "Processing new data", "Paused" …), whether the current trigger found new data and whether a trigger is running.
 * Immutable; read from any thread.
 */
public record QueryStatus(String message, boolean isDataAvailable, boolean isTriggerActive) {
    static final QueryStatus INITIALIZING = new QueryStatus("Initializing sources", false, false);
    static final QueryStatus PAUSED = new QueryStatus("Paused", false, false);
    static final QueryStatus STOPPED = new QueryStatus("Stopped", false, false);

    public QueryStatus {
        requireNonNull(message, "message is null");
    }
}
