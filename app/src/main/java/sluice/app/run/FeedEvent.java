package sluice.app.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import sluice.engine.runtime.BatchSnapshot;
import sluice.engine.runtime.QueryProgress;

/** What the query thread hands to the window. Immutable. */
public sealed interface FeedEvent permits FeedEvent.BatchEvent, FeedEvent.ProgressEvent, FeedEvent.ConsoleEvent,
        FeedEvent.EndEvent {

    /**
     * The rows that crossed every node in one batch (bounded copies), and how many rows each node put out; and the
     * state each stateful node kept after the batch (bounded copies of its finished state rows; its total is the
     * number of rows the state holds).
     */
    record BatchEvent(long batchId, Map<String, BatchSnapshot> nodes, Map<String, BatchSnapshot> states)
            implements FeedEvent {
        public BatchEvent {
            nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
            states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
        }

        /** A batch of a pipeline without state. */
        public BatchEvent(long batchId, Map<String, BatchSnapshot> nodes) {
            this(batchId, nodes, Map.of());
        }
    }

    /** A batch's progress. */
    record ProgressEvent(QueryProgress progress) implements FeedEvent {}

    /** Text that console sinks printed. */
    record ConsoleEvent(String text) implements FeedEvent {}

    /** The query ended; {@code message} is null when it ended normally, else one line for the user. */
    record EndEvent(String message) implements FeedEvent {}
}
