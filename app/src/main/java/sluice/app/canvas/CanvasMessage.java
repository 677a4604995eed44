package sluice.app.canvas;

import javafx.animation.PauseTransition;
import javafx.scene.control.Label;
import javafx.util.Duration;

/**
 * FX thread only. A short note near the cursor on the canvas, such as why a connection was refused; it goes away by
 * itself after a few seconds or at the next gesture.
 */
final class CanvasMessage {
    private final Label label = new Label();
    private final PauseTransition timeout = new PauseTransition(Duration.seconds(5));

    CanvasMessage() {
        label.setId("canvas-message");
        label.getStyleClass().add("canvas-message");
        label.setVisible(false);
        label.setManaged(false);
        timeout.setOnFinished(e -> hide());
    }

    /** Shows {@code text} just below and right of the canvas point (x, y). */
    void show(String text, double x, double y) {
        label.setText(text);
        label.autosize();
        label.relocate(x + 14, y + 14);
        label.setVisible(true);
        label.toFront();
        timeout.playFromStart();
    }

    void hide() {
        timeout.stop();
        label.setVisible(false);
    }

    String text() {
        return label.isVisible() ? label.getText() : "";
    }

    Label view() {
        return label;
    }
}
