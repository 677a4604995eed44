package sluice.app.problems;

import javafx.scene.Node;
import javafx.scene.control.ListView;
import sluice.app.document.Selection;
import sluice.app.validation.LiveValidation;
import sluice.engine.diag.Problem;

/** FX thread only. Lists the current problems; choosing one selects its node and option. */
public final class ProblemsPanel {
    private final ListView<Problem> view = new ListView<>();

    public ProblemsPanel(LiveValidation validation, Selection selection) {
        view.setItems(validation.problems());
    }

    public Node view() {
        return view;
    }
}
