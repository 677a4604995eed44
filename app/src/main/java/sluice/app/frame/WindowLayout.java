package sluice.app.frame;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * FX thread only. The window's layout remembered between launches in a {@link Preferences} node: the window's size
 * and place (kept on the screen), each split pane's divider positions and each tab pane's selected tab, under keys
 * named by the caller. Changes are put as they happen and written out by {@link #flush()}.
 */
public final class WindowLayout {
    private static final System.Logger LOG = System.getLogger(WindowLayout.class.getName());
    /** Smaller than this the window is of no use; a remembered size below it is ignored. */
    static final double MIN_WIDTH = 800;
    static final double MIN_HEIGHT = 560;

    private final Preferences node;
    /** Removes the listeners put on the stage: it may outlive this layout (tests show one workbench after another). */
    private final List<Runnable> unfollow = new ArrayList<>();

    public WindowLayout(Preferences node) {
        this.node = requireNonNull(node, "node is null");
    }

    /**
     * Sizes and places {@code stage} as it was last time, within {@code screen}; the first time, {@code width} by
     * {@code height} (shrunk to the screen) in the middle. Then follows the stage's changes.
     */
    public void follow(Stage stage, Rectangle2D screen, double width, double height) {
        double w = Math.min(node.getDouble("window.width", width), screen.getWidth());
        double h = Math.min(node.getDouble("window.height", height), screen.getHeight());
        if (w < MIN_WIDTH || h < MIN_HEIGHT) {
            w = Math.min(width, screen.getWidth());
            h = Math.min(height, screen.getHeight());
        }
        stage.setWidth(w);
        stage.setHeight(h);
        double x = node.getDouble("window.x", Double.NaN);
        double y = node.getDouble("window.y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            stage.setX(Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - w)));
            stage.setY(Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - h)));
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(node.getBoolean("window.maximized", false));
        followPlace(stage, stage.widthProperty(), "window.width");
        followPlace(stage, stage.heightProperty(), "window.height");
        followPlace(stage, stage.xProperty(), "window.x");
        followPlace(stage, stage.yProperty(), "window.y");
        ChangeListener<Boolean> maximized = (obs, old, now) -> node.putBoolean("window.maximized", now);
        stage.maximizedProperty().addListener(maximized);
        unfollow.add(() -> stage.maximizedProperty().removeListener(maximized));
    }

    private void followPlace(Stage stage, ReadOnlyDoubleProperty property, String key) {
        ChangeListener<Number> listener = (obs, old, now) -> putUnlessMaximized(stage, key, now);
        property.addListener(listener);
        unfollow.add(() -> property.removeListener(listener));
    }

    private void putUnlessMaximized(Stage stage, String key, Number value) {
        if (!stage.isMaximized()) {
            node.putDouble(key, value.doubleValue());
        }
    }

    /** Puts {@code pane}'s dividers where they were last time (its own positions the first time) and follows them. */
    public void follow(String key, SplitPane pane) {
        String stored = node.get("split." + key, null);
        if (stored != null) {
            double[] positions = parse(stored, pane.getDividers().size());
            if (positions != null) {
                pane.setDividerPositions(positions);
            }
        }
        pane.getDividers().forEach(divider -> divider.positionProperty().addListener((obs, old, now) ->
                node.put("split." + key, format(pane))));
    }

    /** Selects the tab of {@code pane} selected last time and follows the selection. */
    public void follow(String key, TabPane pane) {
        int stored = node.getInt("tab." + key, -1);
        if (stored >= 0 && stored < pane.getTabs().size()) {
            pane.getSelectionModel().select(stored);
        }
        pane.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) ->
                node.putInt("tab." + key, now.intValue()));
    }

    /** Stops following the stage and writes the layout out. */
    public void close() {
        unfollow.forEach(Runnable::run);
        unfollow.clear();
        flush();
    }

    /** Writes what was put since the last flush; a failure only loses the layout, so it is logged, not shown. */
    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot store the window layout", e);
        }
    }

    private static String format(SplitPane pane) {
        List<String> parts = new ArrayList<>();
        for (double position : pane.getDividerPositions()) {
            parts.add(String.format(Locale.ROOT, "%.4f", position));
        }
        return String.join(" ", parts);
    }

    /** The positions, or null when the text does not hold {@code count} numbers between 0 and 1. */
    static double[] parse(String text, int count) {
        String[] parts = text.trim().split(" ");
        if (parts.length != count) {
            return null;
        }
        double[] positions = new double[count];
        try {
            for (int i = 0; i < count; i++) {
                positions[i] = Double.parseDouble(parts[i]);
                if (!(positions[i] >= 0 && positions[i] <= 1)) {
                    return null;
                }
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return positions;
    }
}
