package sluice.app.canvas;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.Rectangle;
import sluice.app.document.Selection;

/**
 * FX thread only. Pressing on empty canvas clears the selection (shift keeps it); dragging draws a rectangle and
 * selects every node it touches.
 */
final class RubberBandGesture {
    private final Viewport viewport;
    private final GraphView graph;
    private final Selection selection;
    private final Rectangle band = new Rectangle();
    private Point2D start;
    private List<String> kept = List.of();

    RubberBandGesture(Viewport viewport, GraphView graph, Selection selection) {
        this.viewport = viewport;
        this.graph = graph;
        this.selection = selection;
        band.setId("rubber-band");
        band.getStyleClass().add("rubber-band");
        band.setVisible(false);
        band.setManaged(false);
        viewport.overlay().getChildren().add(band);
        viewport.pane().addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        viewport.pane().addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        viewport.pane().addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
    }

    private void pressed(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        viewport.pane().requestFocus();
        boolean adding = e.isShiftDown() || e.isShortcutDown();
        if (!adding) {
            selection.clear();
        }
        kept = List.copyOf(selection.nodes());
        start = viewport.toCanvas(e.getSceneX(), e.getSceneY());
        band.setX(start.getX());
        band.setY(start.getY());
        band.setWidth(0);
        band.setHeight(0);
    }

    private void dragged(MouseEvent e) {
        if (start == null || !e.isPrimaryButtonDown()) {
            return;
        }
        Point2D now = viewport.toCanvas(e.getSceneX(), e.getSceneY());
        band.setX(Math.min(start.getX(), now.getX()));
        band.setY(Math.min(start.getY(), now.getY()));
        band.setWidth(Math.abs(now.getX() - start.getX()));
        band.setHeight(Math.abs(now.getY() - start.getY()));
        band.setVisible(true);
        selectInBand();
    }

    private void released(MouseEvent e) {
        if (start == null || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        if (band.isVisible()) {
            selectInBand();
        }
        band.setVisible(false);
        start = null;
    }

    private void selectInBand() {
        ViewTransform t = viewport.transform();
        double left = t.toPipelineX(band.getX());
        double top = t.toPipelineY(band.getY());
        double right = t.toPipelineX(band.getX() + band.getWidth());
        double bottom = t.toPipelineY(band.getY() + band.getHeight());
        Set<String> ids = new LinkedHashSet<>(kept);
        for (NodeView view : graph.nodeViews()) {
            double x = view.root().getLayoutX();
            double y = view.root().getLayoutY();
            if (x <= right && x + NodeView.WIDTH >= left && y <= bottom && y + view.height() >= top) {
                ids.add(view.id());
            }
        }
        if (!new ArrayList<>(ids).equals(selection.nodes())) {
            selection.selectAll(ids);
        }
    }
}
