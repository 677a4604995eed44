package sluice.app.inspect;

import javafx.scene.Node;
import javafx.scene.control.Label;
import sluice.app.document.Selection;
import sluice.app.run.FeedListener;

/** FX thread only. The rows of the selected node, batch by batch. */
public final class BatchInspector implements FeedListener {
    private final Label view = new Label("Select a node to see its rows");

    public BatchInspector(Selection selection) {
    }

    public Node view() {
        return view;
    }
}
