package sluice.app.properties;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * FX thread only; mutable. The property sheet's rows of a label and its editor: beside each other while the sheet is
 * wide enough for the widest label and {@link #MIN_EDITOR_WIDTH} of editor, else each label above its editor at the
 * full width. An editor is never narrower than its own minimum or {@link #MIN_EDITOR_WIDTH}, whichever is larger, so
 * a path or a choice stays readable however narrow the panel is (the sheet scrolls sideways instead).
 */
final class OptionGrid extends Region {
    /** Room for a path or a short expression: about 22 characters. */
    static final double MIN_EDITOR_WIDTH = 200;
    static final double HGAP = 8;
    static final double VGAP = 6;
    /** Below the label when stacked. */
    static final double LABEL_GAP = 2;

    private final List<Node[]> rows = new ArrayList<>();

    OptionGrid() {
        getStyleClass().add("option-grid");
    }

    void addRow(Node label, Node editor) {
        rows.add(new Node[] {label, editor});
        getChildren().addAll(label, editor);
    }

    void clear() {
        rows.clear();
        getChildren().clear();
    }

    /** Whether the rows at content width {@code width} put labels beside their editors. */
    boolean isSideBySide(double width) {
        return width - labelColumn() - HGAP >= editorMinimum();
    }

    /** Whether the rows as laid out now put labels beside their editors. */
    boolean isSideBySide() {
        return isSideBySide(contentWidth(getWidth()));
    }

    private double labelColumn() {
        double widest = 0;
        for (Node[] row : rows) {
            widest = Math.max(widest, row[0].prefWidth(-1));
        }
        return Math.ceil(widest);
    }

    private double editorMinimum() {
        double widest = MIN_EDITOR_WIDTH;
        for (Node[] row : rows) {
            widest = Math.max(widest, row[1].minWidth(-1));
        }
        return Math.ceil(widest);
    }

    private double contentWidth(double width) {
        Insets in = getInsets();
        return width - in.getLeft() - in.getRight();
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + in.getRight() + editorMinimum();
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + in.getRight() + labelColumn() + HGAP + editorMinimum();
    }

    /**
     * The height follows the width (labels go above their editors when narrow), so a parent must ask for the height
     * at the width it gives; asked without one, the grid would answer the shorter side-by-side height and the schema
     * section below it would be laid over its last rows.
     */
    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double content = width < 0 ? labelColumn() + HGAP + editorMinimum() : contentWidth(width);
        boolean beside = isSideBySide(content);
        double editorWidth = beside ? content - labelColumn() - HGAP : content;
        double height = 0;
        for (Node[] row : rows) {
            double editor = row[1].prefHeight(editorWidth);
            height += beside ? Math.max(row[0].prefHeight(-1), editor) : row[0].prefHeight(-1) + LABEL_GAP + editor;
        }
        return in.getTop() + in.getBottom() + height + VGAP * Math.max(0, rows.size() - 1);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double content = contentWidth(getWidth());
        boolean beside = isSideBySide(content);
        double labels = labelColumn();
        double editorX = in.getLeft() + (beside ? labels + HGAP : 0);
        double editorWidth = Math.max(editorMinimum(), beside ? content - labels - HGAP : content);
        double y = in.getTop();
        for (Node[] row : rows) {
            Node label = row[0];
            Node editor = row[1];
            double labelHeight = label.prefHeight(-1);
            double editorHeight = editor.prefHeight(editorWidth);
            if (beside) {
                layoutInArea(label, in.getLeft(), y, labels, labelHeight, 0, javafx.geometry.HPos.LEFT,
                        javafx.geometry.VPos.TOP);
                editor.resizeRelocate(editorX, y, editorWidth, editorHeight);
                y += Math.max(labelHeight, editorHeight) + VGAP;
            } else {
                label.resizeRelocate(in.getLeft(), y, Math.min(label.prefWidth(-1), content), labelHeight);
                y += labelHeight + LABEL_GAP;
                editor.resizeRelocate(editorX, y, editorWidth, editorHeight);
                y += editorHeight + VGAP;
            }
        }
    }
}
