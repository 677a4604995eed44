package sluice.app.bench;

import java.util.Locale;
import sluice.app.run.FeedEvent;
import sluice.app.run.FeedListener;
import sluice.engine.runtime.QueryProgress;

/** Mutable, FX thread only. Passes events to a view and keeps the longest time it spent per batch and per pulse end. */
final class TimedListener implements FeedListener {
    private final String name;
    private final FeedListener view;
    private long longestBatchNanos;
    private long longestPulseEndNanos;
    private long totalNanos;

    TimedListener(String name, FeedListener view) {
        this.name = name;
        this.view = view;
    }

    @Override
    public void onBatch(FeedEvent.BatchEvent batch) {
        long start = System.nanoTime();
        view.onBatch(batch);
        long spent = System.nanoTime() - start;
        totalNanos += spent;
        longestBatchNanos = Math.max(longestBatchNanos, spent);
    }

    @Override
    public void onProgress(QueryProgress progress) {
        long start = System.nanoTime();
        view.onProgress(progress);
        totalNanos += System.nanoTime() - start;
    }

    @Override
    public void onPulseEnd() {
        long start = System.nanoTime();
        view.onPulseEnd();
        long spent = System.nanoTime() - start;
        totalNanos += spent;
        longestPulseEndNanos = Math.max(longestPulseEndNanos, spent);
    }

    @Override
    public void onReset() {
        view.onReset();
    }

    String report() {
        return String.format(Locale.ROOT, "%-16s longest onBatch %6.1f ms, longest repaint %6.1f ms, total %,7.0f ms",
                name, longestBatchNanos / 1e6, longestPulseEndNanos / 1e6, totalNanos / 1e6);
    }
}
