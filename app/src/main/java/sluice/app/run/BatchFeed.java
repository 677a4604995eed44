package sluice.app.run;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Thread-safe hand-off from the query thread to the JavaFX thread, bounded: when it is full, the oldest batch event
 * is dropped and counted ("12 batches skipped"), so a fast stream can never block the engine or fill the heap.
 * Progress, console and end events are small and always kept (the oldest console text goes first when the queue is
 * full of them).
 */
public final class BatchFeed {
    private final int capacity;
    private final Deque<FeedEvent> events = new ArrayDeque<>();
    private long skippedBatches;

    public BatchFeed(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2");
        }
        this.capacity = capacity;
    }

    /** Called by the query thread; never blocks. */
    public synchronized void offer(FeedEvent event) {
        if (events.size() >= capacity && !dropOldest(FeedEvent.BatchEvent.class)
                && !dropOldest(FeedEvent.ConsoleEvent.class)) {
            events.pollFirst();
        }
        events.addLast(event);
    }

    private boolean dropOldest(Class<? extends FeedEvent> kind) {
        var iterator = events.iterator();
        while (iterator.hasNext()) {
            if (kind.isInstance(iterator.next())) {
                iterator.remove();
                if (kind == FeedEvent.BatchEvent.class) {
                    skippedBatches++;
                }
                return true;
            }
        }
        return false;
    }

    /** The oldest event, or null. */
    public synchronized FeedEvent poll() {
        return events.pollFirst();
    }

    /** How many batch events were dropped because the window fell behind. */
    public synchronized long skippedBatches() {
        return skippedBatches;
    }

    public synchronized void clear() {
        events.clear();
        skippedBatches = 0;
    }
}
