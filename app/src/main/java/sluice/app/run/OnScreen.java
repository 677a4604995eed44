package sluice.app.run;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Whether a view can be seen: in a showing window, with it and every parent visible (a tab pane hides the content of
 * the tabs not selected) and some size. A live view off screen keeps its data but neither repaints nor reloads: it
 * catches up on the first pulse it is seen again.
 */
public final class OnScreen {
    private OnScreen() {
    }

    /** FX thread only. */
    public static boolean isShowing(Node view) {
        Scene scene = view.getScene();
        Window window = scene == null ? null : scene.getWindow();
        if (window == null || !window.isShowing()) {
            return false;
        }
        for (Node at = view; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return view.getLayoutBounds().getWidth() > 0 && view.getLayoutBounds().getHeight() > 0;
    }
}
