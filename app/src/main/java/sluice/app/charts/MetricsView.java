package sluice.app.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import sluice.app.run.FeedListener;
import sluice.engine.runtime.QueryProgress;
import sluice.engine.state.StateMetrics;

/**
 * Mutable, FX thread only. Input rows/s, processed rows/s and batch duration of the running query per batch id,
 * for the last {@link #MAX_BATCHES} batches, drawn once per pulse, the malformed records file sources kept as
 * nulls, the state of each stateful operator after the last batch (Spark's stateOperators), and the rows the stateful
 * nodes dropped as late per batch (their numRowsDroppedByWatermark).
 */
public final class MetricsView implements FeedListener {
    static final int MAX_BATCHES = 300;
    private final SeriesBuffer input = new SeriesBuffer(MAX_BATCHES);
    private final SeriesBuffer processed = new SeriesBuffer(MAX_BATCHES);
    private final SeriesBuffer duration = new SeriesBuffer(MAX_BATCHES);
    private final PlotView rates = new PlotView();
    private final PlotView durations = new PlotView();
    /** Rows the stateful nodes dropped as late (behind the watermark) per batch; shown once a run has state. */
    private final SeriesBuffer late = new SeriesBuffer(MAX_BATCHES);
    private final PlotView lateRows = new PlotView();
    private final Label lateTitle = new Label("Rows dropped as late (behind the watermark), by batch id");
    private final Label malformed = new Label();
    private long malformedTotal;
    private final Label state = new Label();
    private final VBox view;

    public MetricsView() {
        rates.addSeries("input rows/s", input);
        rates.addSeries("processed rows/s", processed);
        rates.setEmptyText("Run the pipeline to see its rates per batch");
        durations.addSeries("batch duration (ms)", duration);
        durations.setKind(PlotView.Kind.BAR);
        durations.setEmptyText("Run the pipeline to see how long each batch takes");
        lateRows.addSeries("rows dropped as late", late);
        lateRows.setKind(PlotView.Kind.BAR);
        lateRows.setEmptyText("No stateful node has run yet");
        lateTitle.getStyleClass().add("live-chart-title");
        lateRows.view().setId("metrics-late");
        lateTitle.managedProperty().bind(lateTitle.visibleProperty());
        lateRows.view().managedProperty().bind(lateRows.view().visibleProperty());
        lateRows.view().visibleProperty().bind(lateTitle.visibleProperty());
        lateTitle.setVisible(false);
        Label ratesTitle = new Label("Rows per second, by batch id");
        Label durationTitle = new Label("Batch duration (ms), by batch id");
        ratesTitle.getStyleClass().add("live-chart-title");
        durationTitle.getStyleClass().add("live-chart-title");
        VBox.setVgrow(rates.view(), Priority.ALWAYS);
        VBox.setVgrow(durations.view(), Priority.ALWAYS);
        VBox.setVgrow(lateRows.view(), Priority.ALWAYS);
        malformed.setId("metrics-malformed");
        malformed.getStyleClass().add("live-chart-title");
        showMalformed(-1, 0);
        state.setId("metrics-state");
        state.getStyleClass().add("live-chart-title");
        showState(List.of());
        view = new VBox(4, malformed, state, ratesTitle, rates.view(), durationTitle, durations.view(), lateTitle,
                lateRows.view());
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
        showState(progress.stateOperators());
        if (!progress.stateOperators().isEmpty()) {
            late.add(progress.batchId(), progress.stateOperators().stream()
                    .mapToLong(QueryProgress.StateOperatorProgress::numRowsDroppedByWatermark).sum());
            lateTitle.setVisible(true);
            lateRows.markDirty();
        }
        rates.markDirty();
        durations.markDirty();
    }

    @Override
    public void onPulseEnd() {
        rates.drawIfDirty();
        durations.drawIfDirty();
        lateRows.drawIfDirty();
    }

    @Override
    public void onReset() {
        input.clear();
        processed.clear();
        duration.clear();
        late.clear();
        lateTitle.setVisible(false);
        lateRows.markDirty();
        malformedTotal = 0;
        showMalformed(-1, 0);
        showState(List.of());
        rates.markDirty();
        durations.markDirty();
    }

    /** Malformed records kept as nulls (PERMISSIVE mode) in the last batch and in the whole run. */
    private void showMalformed(long batchId, long inBatch) {
        malformed.setText(batchId < 0 ? "Malformed records: none yet"
                : String.format(java.util.Locale.ROOT, "Malformed records: %,d in batch %d, %,d in this run", inBatch,
                        batchId, malformedTotal));
    }

    /** Each stateful node's rows kept, written and removed by the last batch, and its memory (estimated). */
    private void showState(List<QueryProgress.StateOperatorProgress> operators) {
        if (operators.isEmpty()) {
            state.setText("State: none");
            return;
        }
        List<String> parts = new ArrayList<>();
        for (QueryProgress.StateOperatorProgress operator : operators) {
            StateMetrics metrics = operator.metrics();
            String dropped = operator.numRowsDroppedByWatermark() == 0 ? "" : String.format(Locale.ROOT,
                    ", %,d dropped as late", operator.numRowsDroppedByWatermark());
            parts.add(String.format(Locale.ROOT, "%s %,d rows (%,d updated, %,d removed%s, ~%,d KB)",
                    operator.nodeId(), metrics.numRowsTotal(), metrics.numRowsUpdated(), metrics.numRowsRemoved(),
                    dropped, (metrics.memoryUsedBytes() + 1023) / 1024));
        }
        state.setText("State: " + String.join(" · ", parts));
    }

    /** The rows dropped as late charted for batch {@code batchId}, or -1 when it has no point (for tests). */
    public double lateRowsAt(long batchId) {
        for (int i = 0; i < late.size(); i++) {
            if (late.x(i) == batchId) {
                return late.y(i);
            }
        }
        return -1;
    }

    /** Batches charted (at most {@link #MAX_BATCHES}). */
    public int pointCount() {
        return duration.size();
    }
}
