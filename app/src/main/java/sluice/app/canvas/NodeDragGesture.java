package sluice.app.canvas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import sluice.app.document.PipelineDocument;
import sluice.app.document.Selection;
import sluice.app.edit.MoveNodes;

/**
 * FX thread only. Press on a node selects it (shift toggles it); dragging moves the views of every selected node
 * and commits one {@link MoveNodes} edit on release, so a drag never rebuilds views and undoes in one step.
 */
final class NodeDragGesture {
    private final Viewport viewport;
    private final GraphView graph;
    private final Selection selection;
    private final PipelineDocument document;
    private final Map<String, Point2D> startPositions = new LinkedHashMap<>();
    private Point2D pressedAt;
    private boolean moved;
    private String pressedId;
    private boolean pressedSelected;

    NodeDragGesture(Viewport viewport, GraphView graph, Selection selection, PipelineDocument document) {
        this.viewport = viewport;
        this.graph = graph;
        this.selection = selection;
        this.document = document;
    }

    void attach(NodeView view) {
        view.root().addEventHandler(MouseEvent.MOUSE_PRESSED, e -> pressed(view, e));
        view.root().addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        view.root().addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
    }

    private void pressed(NodeView view, MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        e.consume();
        viewport.pane().requestFocus();
        pressedId = view.id();
        pressedSelected = selection.nodes().contains(view.id());
        if (e.isShiftDown() || e.isShortcutDown()) {
            selection.toggle(view.id());
        } else if (!pressedSelected) {
            selection.selectOnly(view.id());
        }
        pressedAt = viewport.toPipeline(e.getSceneX(), e.getSceneY());
        moved = false;
        startPositions.clear();
        for (String id : selection.nodes()) {
            NodeView selected = graph.node(id);
            if (selected != null) {
                startPositions.put(id, new Point2D(selected.root().getLayoutX(), selected.root().getLayoutY()));
            }
        }
    }

    private void dragged(MouseEvent e) {
        if (pressedAt == null || !e.isPrimaryButtonDown()) {
            return;
        }
        e.consume();
        Point2D now = viewport.toPipeline(e.getSceneX(), e.getSceneY());
        double dx = now.getX() - pressedAt.getX();
        double dy = now.getY() - pressedAt.getY();
        moved = moved || Math.abs(dx) > 0 || Math.abs(dy) > 0;
        startPositions.forEach((id, start) -> graph.node(id).root().relocate(start.getX() + dx, start.getY() + dy));
        graph.redrawEdges(startPositions.keySet());
    }

    private void released(MouseEvent e) {
        if (pressedAt == null || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        e.consume();
        Point2D now = viewport.toPipeline(e.getSceneX(), e.getSceneY());
        double dx = Math.round(now.getX() - pressedAt.getX());
        double dy = Math.round(now.getY() - pressedAt.getY());
        List<String> ids = new ArrayList<>(startPositions.keySet());
        pressedAt = null;
        if (moved && (dx != 0 || dy != 0) && !ids.isEmpty()) {
            document.apply(new MoveNodes(ids, dx, dy));
        } else if (!moved && pressedSelected && !e.isShiftDown() && !e.isShortcutDown()) {
            // A plain click on a node of a multi-selection picks that node alone.
            selection.selectOnly(pressedId);
        }
        // An edit that changes nothing leaves the spec alone; put the views back where the spec has them.
        startPositions.forEach((id, start) -> {
            NodeView view = graph.node(id);
            if (view != null) {
                view.root().relocate(view.spec().x(), view.spec().y());
            }
        });
        graph.redrawEdges(ids);
        startPositions.clear();
    }
}
