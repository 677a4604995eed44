package sluice.app.run;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.animation.AnimationTimer;

/** FX thread only. Moves events from the feed into the views, at most a few per pulse, never one runLater per batch. */
public final class FeedPump extends AnimationTimer {
    static final int MAX_PER_PULSE = 16;
    private final BatchFeed feed;
    private final List<FeedListener> listeners = new CopyOnWriteArrayList<>();
    private long longestPulseNanos;

    public FeedPump(BatchFeed feed) {
        this.feed = requireNonNull(feed, "feed is null");
    }

    public void addListener(FeedListener listener) {
        listeners.add(requireNonNull(listener, "listener is null"));
    }

    @Override
    public void handle(long now) {
        long start = System.nanoTime();
        for (int i = 0; i < MAX_PER_PULSE; i++) {
            FeedEvent next = feed.poll();
            if (next == null) {
                break;
            }
            dispatch(next);
        }
        listeners.forEach(FeedListener::onPulseEnd);
        longestPulseNanos = Math.max(longestPulseNanos, System.nanoTime() - start);
    }

    /** Drains everything now (for tests and for the end of a run). */
    public void drain() {
        FeedEvent next;
        while ((next = feed.poll()) != null) {
            dispatch(next);
        }
        listeners.forEach(FeedListener::onPulseEnd);
    }

    public void reset() {
        feed.clear();
        listeners.forEach(FeedListener::onReset);
    }

    private void dispatch(FeedEvent event) {
        for (FeedListener listener : listeners) {
            if (event instanceof FeedEvent.BatchEvent batch) {
                listener.onBatch(batch);
            } else if (event instanceof FeedEvent.ProgressEvent progress) {
                listener.onProgress(progress.progress());
            } else if (event instanceof FeedEvent.ConsoleEvent console) {
                listener.onConsole(console.text());
            } else if (event instanceof FeedEvent.EndEvent end) {
                listener.onEnd(end.message());
            } else {
                throw new AssertionError(event);
            }
        }
    }

    /** The longest time one pulse spent painting events, for the UI benchmark. */
    public long longestPulseNanos() {
        return longestPulseNanos;
    }
}
