package sluice.app.problems;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import sluice.engine.diag.ControlCharacters;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;

/** FX thread only. One problem: an error mark, where it is (node, option, line:column) and the message. */
final class ProblemCell extends ListCell<Problem> {
    private final Label icon = new Label("●");
    private final Label where = new Label();
    private final Label message = new Label();
    private final HBox box = new HBox(6, icon, where, message);
    private final Tooltip tip = new Tooltip();

    ProblemCell() {
        getStyleClass().add("problem-cell");
        icon.getStyleClass().add("problem-icon");
        where.getStyleClass().add("problem-where");
        message.getStyleClass().add("problem-message");
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        message.setWrapText(true);
        where.setMinWidth(Region.USE_PREF_SIZE);
        icon.setMinWidth(Region.USE_PREF_SIZE);
        // Cells as wide as the list, so long messages wrap instead of scrolling sideways.
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(Problem problem, boolean empty) {
        super.updateItem(problem, empty);
        if (empty || problem == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
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
