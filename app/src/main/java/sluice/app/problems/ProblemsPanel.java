package sluice.app.problems;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import sluice.app.document.Selection;
import sluice.app.validation.LiveValidation;
import sluice.engine.diag.Problem;

/**
 * FX thread only. Lists the current problems, live, one cell each: why the last run failed (kind "run") first, then
 * what the live check finds. Clicking one (or Enter on it) selects its node and asks the property sheet to focus its
 * option.
 */
public final class ProblemsPanel {
    private final Selection selection;
    private final ObservableList<ListedProblem> listed = FXCollections.observableArrayList();
    private final ListView<ListedProblem> view = new ListView<>(listed);

    /** {@code runFailures}: why the last run failed, empty while none did. */
    public ProblemsPanel(LiveValidation validation, ObservableList<Problem> runFailures, Selection selection) {
        this.selection = requireNonNull(selection, "selection is null");
        requireNonNull(validation, "validation is null");
        requireNonNull(runFailures, "runFailures is null");
        Runnable relist = () -> {
            List<ListedProblem> all = new ArrayList<>();
            runFailures.forEach(p -> all.add(new ListedProblem(ListedProblem.Kind.RUN, p)));
            validation.problems().forEach(p -> all.add(new ListedProblem(ListedProblem.Kind.CHECK, p)));
            listed.setAll(all);
        };
        validation.problems().addListener((ListChangeListener<Problem>) change -> relist.run());
        runFailures.addListener((ListChangeListener<Problem>) change -> relist.run());
        relist.run();
        view.setId("problems-list");
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

    /** What the panel lists, in order. */
    public List<ListedProblem> listed() {
        return List.copyOf(listed);
    }

    /** Selects the problem's node and points the property sheet at its option. */
    public void reveal(ListedProblem listedProblem) {
        if (listedProblem == null) {
            return;
        }
        Problem problem = listedProblem.problem();
        if (problem.where().nodeId() == null) {
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
