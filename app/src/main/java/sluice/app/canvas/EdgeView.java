package sluice.app.canvas;

import java.text.NumberFormat;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurve;
import sluice.app.edit.Link;

/**
 * FX thread only; mutable. One edge drawn as a cubic curve from an output port to an input port, with a wider
 * invisible curve under it to click on, and the rows of the last batch at its middle.
 */
final class EdgeView {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final Link link;
    private final Group root = new Group();
    private final CubicCurve hit = new CubicCurve();
    private final CubicCurve curve = new CubicCurve();
    private final Label count = new Label();
    private Point2D start;
    private Point2D end;

    EdgeView(Link link) {
        this.link = link;
        root.setId("edge-" + NodeView.cssSafe(link.from()) + "-" + NodeView.cssSafe(link.to()) + "-"
                + link.inputIndex());
        root.getStyleClass().add("edge");
        hit.getStyleClass().add("edge-hit");
        curve.getStyleClass().add("edge-curve");
        curve.setMouseTransparent(true);
        count.getStyleClass().add("edge-count");
        count.setMouseTransparent(true);
        count.setVisible(false);
        // Its width is known once the style sheet sized its text: centre it again then.
        count.widthProperty().addListener((obs, old, width) -> placeCount());
        root.getChildren().addAll(hit, curve, count);
    }

    /** Draws the curve between two pipeline points: it leaves and enters horizontally, like the ports face. */
    void connect(Point2D start, Point2D end) {
        double bend = Math.max(40, Math.abs(end.getX() - start.getX()) / 2);
        for (CubicCurve c : new CubicCurve[] {hit, curve}) {
            c.setStartX(start.getX());
            c.setStartY(start.getY());
            c.setControlX1(start.getX() + bend);
            c.setControlY1(start.getY());
            c.setControlX2(end.getX() - bend);
            c.setControlY2(end.getY());
            c.setEndX(end.getX());
            c.setEndY(end.getY());
        }
        this.start = start;
        this.end = end;
        placeCount();
    }

    /**
     * Centres the count over the curve's middle (t = 1/2). Between nodes too close side by side for it, it goes above
     * the nodes' tops; between nodes stacked one above the other, beside the curve in the gap between them: where
     * no node covers it. Placed again whenever its text, and so its width, changes.
     */
    private void placeCount() {
        if (start == null) {
            return;
        }
        double bend = Math.max(40, Math.abs(end.getX() - start.getX()) / 2);
        double midX = (start.getX() + 3 * (start.getX() + bend) + 3 * (end.getX() - bend) + end.getX()) / 8;
        double midY = (start.getY() + end.getY()) / 2;
        double width = count.prefWidth(-1);
        double height = count.prefHeight(-1);
        if (end.getX() - start.getX() >= width + 8) {
            count.relocate(midX - width / 2, midY - 22);
        } else if (Math.abs(end.getY() - start.getY()) >= NodeView.MIN_HEIGHT + height + 4) {
            count.relocate(midX + 6, midY - height / 2);
        } else {
            count.relocate(midX - width / 2, midY - NodeView.MIN_HEIGHT / 2 - height - 2);
        }
    }

    /** Shows the rows that crossed this edge in the last batch; null hides the count. */
    void showRows(Long rows) {
        count.setVisible(rows != null);
        count.setText(rows == null ? "" : NumberFormat.getIntegerInstance(Locale.ROOT).format(rows)
                + (rows == 1 ? " row" : " rows"));
        placeCount();
    }

    void showSelected(boolean selected) {
        root.pseudoClassStateChanged(SELECTED, selected);
    }

    Link link() {
        return link;
    }

    Group root() {
        return root;
    }

    CubicCurve hitArea() {
        return hit;
    }

    String countText() {
        return count.isVisible() ? count.getText() : "";
    }
}
