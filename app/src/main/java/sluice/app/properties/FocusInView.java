package sluice.app.properties;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * FX thread only. Keeps the focused field of a scroll pane's content in view. A scroll pane scrolls to a field that
 * Tab reaches, but not to one focused by code (the option of a problem clicked in the problems panel, the field a
 * button has just filled), nor when rows around the focused field come and go; this does both, scrolling as little
 * as it can, unless the person has scrolled the pane since the field was focused: then they are looking elsewhere.
 */
final class FocusInView {
    private final ScrollPane pane;
    private final Region content;
    private boolean scrolledByHand;
    private boolean pending;

    private FocusInView(ScrollPane pane, Region content) {
        this.pane = pane;
        this.content = content;
    }

    static void keep(ScrollPane pane, Region content) {
        FocusInView keeper = new FocusInView(pane, content);
        pane.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((o, before, owner) -> keeper.focusMoved());
            }
        });
        content.heightProperty().addListener((obs, old, height) -> keeper.later());
        pane.addEventFilter(ScrollEvent.SCROLL, event -> keeper.scrolledByHand = true);
        // A press on the pane that is not on its content is on a scroll bar.
        pane.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> {
            if (!inside(event.getPickResult().getIntersectedNode(), content)) {
                keeper.scrolledByHand = true;
            }
        });
    }

    private void focusMoved() {
        scrolledByHand = false;
        later();
    }

    /** After the layout pass under way, when the rows have their new places. */
    private void later() {
        if (!pending && !scrolledByHand) {
            pending = true;
            Platform.runLater(() -> {
                pending = false;
                reveal();
            });
        }
    }

    private void reveal() {
        Scene scene = pane.getScene();
        Node owner = scene == null ? null : scene.getFocusOwner();
        if (owner == null || !inside(owner, content) || scrolledByHand) {
            return;
        }
        double viewport = pane.getViewportBounds().getHeight();
        double scrollable = content.getHeight() - viewport;
        if (scrollable <= 0) {
            return;
        }
        Bounds field = content.sceneToLocal(owner.localToScene(owner.getLayoutBounds()));
        double range = pane.getVmax() - pane.getVmin();
        double top = (pane.getVvalue() - pane.getVmin()) / range * scrollable;
        double target = top;
        if (field.getMinY() < top) {
            target = field.getMinY();
        } else if (field.getMaxY() > top + viewport) {
            // A field taller than the pane shows its top.
            target = Math.min(field.getMinY(), field.getMaxY() - viewport);
        }
        if (target != top) {
            pane.setVvalue(pane.getVmin() + range * Math.max(0, Math.min(scrollable, target)) / scrollable);
        }
    }

    private static boolean inside(Node node, Node ancestor) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at == ancestor) {
                return true;
            }
        }
        return false;
    }
}
