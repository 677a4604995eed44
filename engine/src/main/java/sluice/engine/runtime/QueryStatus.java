package sluice.engine.runtime;

import static java.util.Objects.requireNonNull;

/**
 * What a query is doing right now, as Spark's {@code StreamingQueryStatus}: a message ("Waiting for data to arrive",
 * "Getting offsets from echo", "Processing new data", "Paused" …), whether the current trigger found new data and
 * whether a trigger is running.
 * Immutable; read from any thread.
 */
public record QueryStatus(String message, boolean isDataAvailable, boolean isTriggerActive) {
    static final QueryStatus INITIALIZING = new QueryStatus("Initializing sources", false, false);
    static final QueryStatus PAUSED = new QueryStatus("Paused", false, false);
    static final QueryStatus STOPPED = new QueryStatus("Stopped", false, false);
    /** Spark's message while a trigger asks a source for its latest offset, here followed by the source node's id. */
    public static final String GETTING_OFFSETS_FROM = "Getting offsets from ";

    public QueryStatus {
        requireNonNull(message, "message is null");
    }
}
