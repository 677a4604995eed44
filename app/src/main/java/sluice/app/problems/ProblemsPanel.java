package sluice.app.problems;

import static java.util.Objects.requireNonNull;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import sluice.app.document.Selection;
import sluice.app.validation.LiveValidation;
import sluice.engine.diag.Problem;

/**
 * FX thread only. Lists the current problems, live, one cell each; clicking one (or Enter on it) selects its node
 * and asks the property sheet to focus its option.
 */
public final class ProblemsPanel {
    private final Selection selection;
    private final ListView<Problem> view = new ListView<>();

    public ProblemsPanel(LiveValidation validation, Selection selection) {
        this.selection = requireNonNull(selection, "selection is null");
        view.setId("problems-list");
        view.setItems(requireNonNull(validation, "validation is null").problems());
        view.setCellFactory(list -> new ProblemCell());
        Label none = new Label("No problems");
        none.setId("no-problems");
        none.getStyleClass().add("no-problems");
        view.setPlaceholder(none);
        view.getStylesheets().add(ProblemsPanel.class.getResource("/sluice/app/problems.css").toExternalForm());
        view.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY) {
                reveal(view.getSelectionModel().getSelectedItem());
            }
        });
        view.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                reveal(view.getSelectionModel().getSelectedItem());
            }
        });
    }

    public Node view() {
        return view;
    }

    /** Selects the problem's node and points the property sheet at its option. */
    public void reveal(Problem problem) {
        if (problem == null || problem.where().nodeId() == null) {
            return;
        }
        selection.selectOnly(problem.where().nodeId());
        // Cleared first, so pointing at the same option again is still a change the sheet hears.
        selection.focusedOptionProperty().set(null);
        selection.focusedOptionProperty().set(problem.where().option());
    }

    /** What the run toolbar says while problems keep the pipeline from running: "Fix 2 problems to run". */
    public static String runBlockedReason(int problems) {
        if (problems == 0) {
            return "";
        }
        return "Fix " + problems + (problems == 1 ? " problem" : " problems") + " to run (see Problems)";
    }
}
