package sluice.app.run;

import sluice.engine.runtime.QueryProgress;

/** A view that paints what the feed brings. Called on the JavaFX thread by the {@link FeedPump}. */
public interface FeedListener {
    default void onBatch(FeedEvent.BatchEvent batch) {
    }

    default void onProgress(QueryProgress progress) {
    }

    default void onConsole(String text) {
    }

    default void onEnd(String message) {
    }

    /**
     * The pump finished handing over this pulse's events: views that only marked themselves dirty repaint now, so a
     * burst of batches costs one repaint per pulse.
     */
    default void onPulseEnd() {
    }

    /** A new run starts: forget the previous run's batches. */
    default void onReset() {
    }
}
