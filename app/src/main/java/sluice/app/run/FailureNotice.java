package sluice.app.run;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.action.Action;
import sluice.engine.diag.Problem;

/**
 * FX thread only. ControlsFX's notification bar over the canvas while the last run's failure stands: the failure in
 * one line, and a button that selects the node it happened at. It goes when the failure is cleared (an edit, the
 * next run, another pipeline).
 */
public final class FailureNotice {
    private final NotificationPane pane;
    private final Consumer<String> selectNode;

    /** Wraps {@code content} (the canvas); {@code selectNode} selects a node by id. */
    public FailureNotice(Node content, ObservableList<Problem> failures, Consumer<String> selectNode) {
        this.selectNode = requireNonNull(selectNode, "selectNode is null");
        pane = new NotificationPane(requireNonNull(content, "content is null"));
        pane.setId("run-failure-notice");
        pane.setShowFromTop(true);
        pane.getStyleClass().add(NotificationPane.STYLE_CLASS_DARK);
        failures.addListener((ListChangeListener<Problem>) change -> show(failures));
    }

    public Node view() {
        return pane;
    }

    private void show(List<Problem> failures) {
        if (failures.isEmpty()) {
            pane.hide();
            return;
        }
        Problem failure = failures.get(0);
        pane.getActions().clear();
        String node = failure.where().nodeId();
        if (node != null) {
            pane.getActions().add(new Action("Show node", e -> selectNode.accept(node)));
        }
        pane.show("Run failed: " + failure.render());
    }
}
