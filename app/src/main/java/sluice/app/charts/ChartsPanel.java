package sluice.app.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import sluice.app.document.PipelineDocument;
import sluice.app.run.FeedEvent;
import sluice.app.run.FeedListener;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.runtime.BatchSnapshot;

/**
 * Mutable, FX thread only. One live chart per {@code sink.chart} node of the pipeline, kept in step with the
 * document (a chart whose options did not change keeps its points). Batches mark charts dirty; each dirty chart is
 * drawn once at the end of the pump's pulse, however many batches arrived in it.
 */
public final class ChartsPanel implements FeedListener {
    private final Map<String, LiveChart> charts = new LinkedHashMap<>();
    private final VBox box = new VBox(12);
    private final Label empty = new Label("Add a sink.chart node to draw live series");
    private final ScrollPane view = new ScrollPane(box);

    public ChartsPanel(PipelineDocument document) {
        box.setPadding(new Insets(8));
        empty.getStyleClass().add("live-chart-empty");
        view.setFitToWidth(true);
        view.setId("charts-panel");
        view.getStylesheets().add(ChartsPanel.class.getResource("/sluice/app/live.css").toExternalForm());
        document.specProperty().addListener((obs, old, spec) -> follow(spec));
        follow(document.spec());
    }

    public Node view() {
        return view;
    }

    private void follow(PipelineSpec spec) {
        Map<String, LiveChart> kept = new LinkedHashMap<>();
        for (NodeSpec node : spec.nodes()) {
            ChartSpec.from(node).ifPresent(chart -> {
                LiveChart existing = charts.get(chart.nodeId());
                kept.put(chart.nodeId(), existing != null && existing.spec().equals(chart) ? existing
                        : new LiveChart(chart));
            });
        }
        charts.clear();
        charts.putAll(kept);
        List<Node> views = new ArrayList<>();
        charts.values().forEach(chart -> views.add(chart.view()));
        box.getChildren().setAll(views.isEmpty() ? List.of(empty) : views);
    }

    @Override
    public void onBatch(FeedEvent.BatchEvent batch) {
        charts.forEach((id, chart) -> {
            BatchSnapshot snapshot = batch.nodes().get(id);
            if (snapshot != null) {
                chart.add(snapshot);
            }
        });
    }

    @Override
    public void onPulseEnd() {
        charts.values().forEach(chart -> chart.plot().drawIfDirty());
    }

    @Override
    public void onReset() {
        charts.values().forEach(LiveChart::clear);
    }

    /** The points held by the chart of node {@code nodeId} (0 when there is none), for tests and the benchmark. */
    public int pointCount(String nodeId) {
        LiveChart chart = charts.get(nodeId);
        return chart == null ? 0 : chart.pointCount();
    }

    /**
     * The points each series of the chart of {@code nodeId} is drawn from, by legend name in legend order, oldest
     * first, in data units (dates and timestamps as epoch milliseconds); empty when there is no such chart.
     */
    public Map<String, List<Point2D>> seriesPoints(String nodeId) {
        LiveChart chart = charts.get(nodeId);
        Map<String, List<Point2D>> points = new LinkedHashMap<>();
        if (chart != null) {
            for (PlotView.Series series : chart.plot().series()) {
                SeriesBuffer buffer = series.points();
                List<Point2D> list = new ArrayList<>(buffer.size());
                for (int i = 0; i < buffer.size(); i++) {
                    list.add(new Point2D(buffer.x(i), buffer.y(i)));
                }
                points.put(series.name(), List.copyOf(list));
            }
        }
        return points;
    }

    /** The points the chart of {@code nodeId} drew last time, after thinning. */
    public int drawnPoints(String nodeId) {
        LiveChart chart = charts.get(nodeId);
        return chart == null ? 0 : chart.plot().drawnPoints();
    }
}
