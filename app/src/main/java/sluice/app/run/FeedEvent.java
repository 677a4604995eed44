package sluice.app.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import sluice.engine.runtime.BatchSnapshot;
import sluice.engine.runtime.QueryProgress;

/** What the query thread hands to the window. Immutable. */
public sealed interface FeedEvent permits FeedEvent.BatchEvent, FeedEvent.ProgressEvent, FeedEvent.ConsoleEvent,
        FeedEvent.EndEvent {

    /** The rows that crossed every node in one batch (bounded copies), and how many rows each node put out. */
    record BatchEvent(long batchId, Map<String, BatchSnapshot> nodes) implements FeedEvent {
        public BatchEvent {
            nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        }
    }

    /** A batch's progress. */
    record ProgressEvent(QueryProgress progress) implements FeedEvent {}

    /** Text that console sinks printed. */
    record ConsoleEvent(String text) implements FeedEvent {}

    /** The query ended; {@code message} is null when it ended normally, else one line for the user. */
    record EndEvent(String message) implements FeedEvent {}
}
