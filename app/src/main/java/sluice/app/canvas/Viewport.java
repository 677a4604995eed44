package sluice.app.canvas;

import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Affine;

/**
 * FX thread only; mutable. The canvas's visible area: a clipped pane showing the pipeline plane through a
 * {@link ViewTransform}, with an overlay on top for things drawn in canvas pixels (rubber band, messages).
 */
final class Viewport {
    private static final double FIT_MARGIN = 40;

    private final Pane pane = new Pane();
    private final Group world = new Group();
    private final Pane overlay = new Pane();
    private final Affine affine = new Affine();
    private ViewTransform transform = ViewTransform.IDENTITY;

    Viewport(Node content) {
        pane.setId("pipeline-canvas");
        pane.getStyleClass().add("pipeline-canvas");
        pane.setFocusTraversable(true);
        pane.setMinSize(0, 0);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(pane.widthProperty());
        clip.heightProperty().bind(pane.heightProperty());
        pane.setClip(clip);
        world.getTransforms().add(affine);
        world.getChildren().add(content);
        world.setManaged(false);
        overlay.setMouseTransparent(true);
        overlay.setManaged(false);
        overlay.prefWidthProperty().bind(pane.widthProperty());
        overlay.prefHeightProperty().bind(pane.heightProperty());
        pane.getChildren().addAll(world, overlay);
    }

    ViewTransform transform() {
        return transform;
    }

    void setTransform(ViewTransform next) {
        transform = next;
        affine.setToTransform(next.scale(), 0, next.tx(), 0, next.scale(), next.ty());
    }

    /** The pipeline point under a scene point. */
    Point2D toPipeline(double sceneX, double sceneY) {
        Point2D local = pane.sceneToLocal(sceneX, sceneY);
        return new Point2D(transform.toPipelineX(local.getX()), transform.toPipelineY(local.getY()));
    }

    /** The canvas point (pane coordinates) of a scene point. */
    Point2D toCanvas(double sceneX, double sceneY) {
        return pane.sceneToLocal(sceneX, sceneY);
    }

    /** Shows the pipeline rectangle whole; does nothing before the pane has a size. */
    void fit(double minX, double minY, double maxX, double maxY) {
        if (pane.getWidth() <= 0 || pane.getHeight() <= 0) {
            return;
        }
        setTransform(ViewTransform.fitting(minX, minY, maxX, maxY, pane.getWidth(), pane.getHeight(), FIT_MARGIN));
    }

    Pane pane() {
        return pane;
    }

    Pane overlay() {
        return overlay;
    }

    Group world() {
        return world;
    }
}
