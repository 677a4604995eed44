package sluice.app.canvas;

import java.util.Optional;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.CubicCurve;
import sluice.app.document.PipelineDocument;
import sluice.app.edit.Connect;
import sluice.engine.plan.NodeCatalog;

/**
 * FX thread only. Dragging from a node's output port draws a curve to the cursor; releasing it on an input port (or
 * on a node, for its next free input) connects the two with a {@link Connect} edit. A connection the pipeline cannot
 * take is refused, and the reason shows by the cursor while hovering and after the release.
 */
final class ConnectGesture {
    private static final double PORT_REACH = 16;

    private final Viewport viewport;
    private final GraphView graph;
    private final PipelineDocument document;
    private final NodeCatalog catalog;
    private final CanvasMessage message;
    private final CubicCurve preview = new CubicCurve();
    private NodeView source;

    ConnectGesture(Viewport viewport, GraphView graph, PipelineDocument document, NodeCatalog catalog,
                   CanvasMessage message) {
        this.viewport = viewport;
        this.graph = graph;
        this.document = document;
        this.catalog = catalog;
        this.message = message;
        preview.getStyleClass().add("connect-preview");
        preview.setMouseTransparent(true);
        preview.setVisible(false);
        viewport.world().getChildren().add(preview);
    }

    void attach(NodeView view) {
        view.outPort().addEventHandler(MouseEvent.MOUSE_PRESSED, e -> pressed(view, e));
        view.outPort().addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        view.outPort().addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
    }

    private void pressed(NodeView view, MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        e.consume();
        source = view;
        message.hide();
        Point2D start = view.outputPoint();
        draw(start, start);
        preview.setVisible(true);
    }

    private void dragged(MouseEvent e) {
        if (source == null) {
            return;
        }
        e.consume();
        Point2D at = viewport.toPipeline(e.getSceneX(), e.getSceneY());
        draw(source.outputPoint(), at);
        Optional<Connect> target = target(at);
        Optional<String> refusal = target.flatMap(c -> c.refusal(document.spec(), catalog));
        if (refusal.isPresent()) {
            Point2D canvasPoint = viewport.toCanvas(e.getSceneX(), e.getSceneY());
            message.show("Cannot connect: " + refusal.get(), canvasPoint.getX(), canvasPoint.getY());
        } else {
            message.hide();
        }
    }

    private void released(MouseEvent e) {
        if (source == null) {
            return;
        }
        e.consume();
        preview.setVisible(false);
        Point2D at = viewport.toPipeline(e.getSceneX(), e.getSceneY());
        Optional<Connect> target = target(at);
        boolean clickOnly = source.outputPoint().distance(at) < PORT_REACH / viewport.transform().scale();
        source = null;
        if (target.isEmpty() || clickOnly) {
            message.hide();
            return;
        }
        Optional<String> refusal = target.get().refusal(document.spec(), catalog);
        if (refusal.isPresent()) {
            Point2D canvasPoint = viewport.toCanvas(e.getSceneX(), e.getSceneY());
            message.show("Cannot connect: " + refusal.get(), canvasPoint.getX(), canvasPoint.getY());
        } else {
            message.hide();
            document.apply(target.get());
        }
    }

    /** The connection a release at pipeline point {@code at} asks for: to the nearest input port, or into the node. */
    private Optional<Connect> target(Point2D at) {
        double reach = PORT_REACH / viewport.transform().scale();
        for (NodeView view : graph.nodeViews()) {
            int port = view.inputPortNear(at.getX(), at.getY(), reach);
            if (port >= 0) {
                return Optional.of(new Connect(source.id(), view.id(), port));
            }
        }
        NodeView under = graph.nodeAt(at.getX(), at.getY());
        if (under == null) {
            return Optional.empty();
        }
        return Optional.of(new Connect(source.id(), under.id(), under.spec().inputs().size()));
    }

    private void draw(Point2D start, Point2D end) {
        double bend = Math.max(40, Math.abs(end.getX() - start.getX()) / 2);
        preview.setStartX(start.getX());
        preview.setStartY(start.getY());
        preview.setControlX1(start.getX() + bend);
        preview.setControlY1(start.getY());
        preview.setControlX2(end.getX() - bend);
        preview.setControlY2(end.getY());
        preview.setEndX(end.getX());
        preview.setEndY(end.getY());
    }
}
