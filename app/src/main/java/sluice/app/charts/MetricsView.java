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
 * for the last {@link #MAX_BATCHES} batches, drawn once per pulse.
 */
public final class MetricsView implements FeedListener {
    static final int MAX_BATCHES = 300;
    private final SeriesBuffer input = new SeriesBuffer(MAX_BATCHES);
    private final SeriesBuffer processed = new SeriesBuffer(MAX_BATCHES);
    private final SeriesBuffer duration = new SeriesBuffer(MAX_BATCHES);
    private final PlotView rates = new PlotView();
    private final PlotView durations = new PlotView();
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
        view = new VBox(4, ratesTitle, rates.view(), durationTitle, durations.view());
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
        rates.markDirty();
        durations.markDirty();
    }

    /** Batches charted (at most {@link #MAX_BATCHES}). */
    public int pointCount() {
        return duration.size();
    }
}
