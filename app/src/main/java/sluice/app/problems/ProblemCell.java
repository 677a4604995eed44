package sluice.app.problems;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import sluice.engine.diag.ControlCharacters;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;

/**
 * FX thread only. One problem: an error mark, a "run" tag for a run's failure and where it is (node, option,
 * line:column) on one line, the whole message wrapped under it.
 */
final class ProblemCell extends ListCell<ListedProblem> {
    private final Label icon = new Label("●");
    private final Label kind = new Label();
    private final Label where = new Label();
    private final Label message = new Label();
    private final HBox heading = new HBox(6, icon, kind, where);
    private final VBox box = new VBox(2, heading, message);
    private final Tooltip tip = new Tooltip();

    ProblemCell() {
        getStyleClass().add("problem-cell");
        icon.getStyleClass().add("problem-icon");
        kind.getStyleClass().add("problem-kind");
        kind.managedProperty().bind(kind.visibleProperty());
        kind.setMinWidth(Region.USE_PREF_SIZE);
        where.getStyleClass().add("problem-where");
        message.getStyleClass().add("problem-message");
        message.setMaxWidth(Double.MAX_VALUE);
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        where.setMinWidth(Region.USE_PREF_SIZE);
        icon.setMinWidth(Region.USE_PREF_SIZE);
        // Cells as wide as the list, so long messages wrap instead of scrolling sideways.
        setPrefWidth(0);
    }

    /**
     * As tall as the heading and the message wrapped at the cell's width: the theme gives every list cell one fixed
     * height ({@code -fx-cell-size}), which cut a message of two lines and let the next cell paint over it.
     */
    @Override
    protected double computePrefHeight(double width) {
        if (getGraphic() == null) {
            return super.computePrefHeight(width);
        }
        double inside = width < 0 ? -1 : width - snappedLeftInset() - snappedRightInset();
        return snappedTopInset() + box.prefHeight(inside) + snappedBottomInset();
    }

    @Override
    protected void updateItem(ListedProblem item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        Problem problem = item.problem();
        kind.setText(item.kind().label());
        kind.setVisible(item.kind() == ListedProblem.Kind.RUN);
        where.setText(location(problem.where()));
        message.setText(problem.message());
        tip.setText(problem.render() + (problem.where().nodeId() == null ? "" : "\nClick to show it"));
        setTooltip(tip);
        setGraphic(box);
    }

    /**
     * {@code filter-2 · condition · 1:14}, or "pipeline" when the problem belongs to no node; control characters of
     * ids and option names escaped, as the command line prints them, so a cell stays one line.
     */
    static String location(Position where) {
        StringBuilder text = new StringBuilder(where.nodeId() == null ? "pipeline"
                : ControlCharacters.escape(where.nodeId()));
        if (where.option() != null) {
            text.append(" · ").append(ControlCharacters.escape(where.option()));
        }
        if (where.line() > 0) {
            text.append(" · ").append(where.line()).append(':').append(where.column());
        }
        return text.toString();
    }
}
