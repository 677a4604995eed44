package sluice.app.properties;

import javafx.scene.Node;
import javafx.scene.control.Label;
import sluice.app.document.PipelineDocument;
import sluice.app.document.Selection;
import sluice.app.validation.LiveValidation;
import sluice.engine.plan.NodeCatalog;

/** FX thread only. The options of the selected node. */
public final class PropertiesPanel {
    private final Label view = new Label("Properties");

    public PropertiesPanel(PipelineDocument document, Selection selection, NodeCatalog catalog,
                           LiveValidation validation) {
    }

    public Node view() {
        return view;
    }
}
