package sluice.app.palette;

import javafx.scene.Node;
import javafx.scene.control.Label;
import sluice.engine.plan.NodeCatalog;

/** FX thread only. The catalogue of node types to drag onto the canvas. */
public final class Palette {
    private final Label view = new Label("Palette");

    public Palette(NodeCatalog catalog) {
    }

    public Node view() {
        return view;
    }
}
