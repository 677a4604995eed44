package sluice.app.canvas;

import java.util.Map;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import sluice.app.document.PipelineDocument;
import sluice.app.document.Selection;
import sluice.app.validation.LiveValidation;
import sluice.engine.plan.NodeCatalog;

/** FX thread only. The pipeline drawn as nodes and edges, edited by gestures. */
public final class PipelineCanvas {
    private final Pane view = new Pane();

    public PipelineCanvas(PipelineDocument document, Selection selection, NodeCatalog catalog,
                          LiveValidation validation) {
    }

    public Node view() {
        return view;
    }

    /** Shows the rows out of each node in the last batch on the edges leaving it. */
    public void showRowCounts(Map<String, Long> rowsByNode) {
    }

    public void fitToView() {
    }

    public void copySelection() {
    }

    public void paste() {
    }

    public void duplicateSelection() {
    }

    public void deleteSelection() {
    }

    public void selectAll() {
    }
}
