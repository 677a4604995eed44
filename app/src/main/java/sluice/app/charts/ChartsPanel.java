package sluice.app.charts;

import javafx.scene.Node;
import javafx.scene.control.Label;
import sluice.app.document.PipelineDocument;
import sluice.app.run.FeedListener;

/** FX thread only. One live chart per {@code sink.chart} node of the pipeline. */
public final class ChartsPanel implements FeedListener {
    private final Label view = new Label("Charts");

    public ChartsPanel(PipelineDocument document) {
    }

    public Node view() {
        return view;
    }
}
