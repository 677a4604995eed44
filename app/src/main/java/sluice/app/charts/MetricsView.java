package sluice.app.charts;

import javafx.scene.Node;
import javafx.scene.control.Label;
import sluice.app.run.FeedListener;

/** FX thread only. Input rows/s, processed rows/s and batch duration of the running query, per batch. */
public final class MetricsView implements FeedListener {
    private final Label view = new Label("Metrics");

    public Node view() {
        return view;
    }
}
