package sluice.app.canvas;

import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;

/**
 * FX thread only. Pans the canvas with a middle or right drag, or a left drag while space is held, anywhere on it
 * (over nodes too); zooms around the cursor with the mouse wheel, Ctrl+wheel or a trackpad pinch. A trackpad's
 * two-finger scroll pans.
 */
final class PanZoomGesture {
    private static final double WHEEL_STEP = 1.1;

    private final Viewport viewport;
    private boolean spaceDown;
    private Point2D last;

    PanZoomGesture(Viewport viewport) {
        this.viewport = viewport;
        var pane = viewport.pane();
        pane.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE) {
                spaceDown = true;
                pane.setCursor(Cursor.OPEN_HAND);
                e.consume();
            }
        });
        pane.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.SPACE) {
                spaceDown = false;
                pane.setCursor(Cursor.DEFAULT);
                e.consume();
            }
        });
        // Filters, so a pan that starts over a node pans instead of moving the node.
        pane.addEventFilter(MouseEvent.MOUSE_PRESSED, this::pressed);
        pane.addEventFilter(MouseEvent.MOUSE_DRAGGED, this::dragged);
        pane.addEventFilter(MouseEvent.MOUSE_RELEASED, this::released);
        pane.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        pane.addEventHandler(ZoomEvent.ZOOM, e -> {
            Point2D at = viewport.toCanvas(e.getSceneX(), e.getSceneY());
            viewport.setTransform(viewport.transform().zoomedAround(e.getZoomFactor(), at.getX(), at.getY()));
            e.consume();
        });
    }

    private boolean isPan(MouseEvent e) {
        return e.getButton() == MouseButton.MIDDLE || e.getButton() == MouseButton.SECONDARY
                || (spaceDown && e.getButton() == MouseButton.PRIMARY);
    }

    private void pressed(MouseEvent e) {
        if (!isPan(e)) {
            return;
        }
        viewport.pane().requestFocus();
        last = new Point2D(e.getSceneX(), e.getSceneY());
        viewport.pane().setCursor(Cursor.CLOSED_HAND);
        e.consume();
    }

    private void dragged(MouseEvent e) {
        if (last == null) {
            return;
        }
        viewport.setTransform(viewport.transform().pannedBy(e.getSceneX() - last.getX(), e.getSceneY() - last.getY()));
        last = new Point2D(e.getSceneX(), e.getSceneY());
        e.consume();
    }

    private void released(MouseEvent e) {
        if (last == null) {
            return;
        }
        last = null;
        viewport.pane().setCursor(spaceDown ? Cursor.OPEN_HAND : Cursor.DEFAULT);
        e.consume();
    }

    private void scrolled(ScrollEvent e) {
        if (e.getTouchCount() > 0 && !e.isControlDown()) {
            viewport.setTransform(viewport.transform().pannedBy(e.getDeltaX(), e.getDeltaY()));
        } else if (e.getDeltaY() != 0) {
            Point2D at = viewport.toCanvas(e.getSceneX(), e.getSceneY());
            double factor = e.getDeltaY() > 0 ? WHEEL_STEP : 1 / WHEEL_STEP;
            viewport.setTransform(viewport.transform().zoomedAround(factor, at.getX(), at.getY()));
        }
        e.consume();
    }
}
