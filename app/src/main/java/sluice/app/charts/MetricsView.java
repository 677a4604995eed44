package sluice.app.charts;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import sluice.app.run.FeedListener;
import sluice.engine.runtime.QueryProgress;

/**
 * Mutable, FX thread only. Input rows/s, processed rows/s and batch duration of the running query per batch id,
 * for the last {@link #MAX_BATCHES} batches, drawn once per pulse, and the malformed records file sources kept as
 * nulls.
 */
public final class MetricsView implements FeedListener {
    static final int MAX_BATCHES = 300;
    private final SeriesBuffer input = new SeriesBuffer(MAX_BATCHES);
    private final SeriesBuffer processed = new SeriesBuffer(MAX_BATCHES);
    private final SeriesBuffer duration = new SeriesBuffer(MAX_BATCHES);
    private final PlotView rates = new PlotView();
    private final PlotView durations = new PlotView();
    private final Label malformed = new Label();
    private long malformedTotal;
    private final VBox view;

    public MetricsView() {
        rates.addSeries("input rows/s", input);
        rates.addSeries("processed rows/s", processed);
        rates.setEmptyText("Run the pipeline to see its rates per batch");
        durations.addSeries("batch duration (ms)", duration);
        durations.setKind(PlotView.Kind.BAR);
        durations.setEmptyText("Run the pipeline to see how long each batch takes");
        Label ratesTitle = new Label("Rows per second, by batch id");
        Label durationTitle = new Label("Batch duration (ms), by batch id");
        ratesTitle.getStyleClass().add("live-chart-title");
        durationTitle.getStyleClass().add("live-chart-title");
        VBox.setVgrow(rates.view(), Priority.ALWAYS);
        VBox.setVgrow(durations.view(), Priority.ALWAYS);
        malformed.setId("metrics-malformed");
        malformed.getStyleClass().add("live-chart-title");
        showMalformed(-1, 0);
        view = new VBox(4, malformed, ratesTitle, rates.view(), durationTitle, durations.view());
        view.setPadding(new Insets(8));
        view.setId("metrics-view");
        view.getStylesheets().add(MetricsView.class.getResource("/sluice/app/live.css").toExternalForm());
    }

    public Node view() {
        return view;
    }

    @Override
    public void onProgress(QueryProgress progress) {
        input.add(progress.batchId(), progress.inputRowsPerSecond());
        processed.add(progress.batchId(), progress.processedRowsPerSecond());
        duration.add(progress.batchId(), progress.triggerExecutionMs());
        long inBatch = progress.inputByNode().values().stream()
                .mapToLong(QueryProgress.SourceInput::malformedRecords).sum();
        malformedTotal += inBatch;
        showMalformed(progress.batchId(), inBatch);
        rates.markDirty();
        durations.markDirty();
    }

    @Override
    public void onPulseEnd() {
        rates.drawIfDirty();
        durations.drawIfDirty();
    }

    @Override
    public void onReset() {
        input.clear();
        processed.clear();
        duration.clear();
        malformedTotal = 0;
        showMalformed(-1, 0);
        rates.markDirty();
        durations.markDirty();
    }

    /** Malformed records kept as nulls (PERMISSIVE mode) in the last batch and in the whole run. */
    private void showMalformed(long batchId, long inBatch) {
        malformed.setText(batchId < 0 ? "Malformed records: none yet"
                : String.format(java.util.Locale.ROOT, "Malformed records: %,d in batch %d, %,d in this run", inBatch,
                        batchId, malformedTotal));
    }

    /** Batches charted (at most {@link #MAX_BATCHES}). */
    public int pointCount() {
        return duration.size();
    }
}
