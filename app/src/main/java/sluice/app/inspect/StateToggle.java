package sluice.app.inspect;

import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.SegmentedButton;

/**
 * Mutable, FX thread only. The inspector's choice between a node's output rows and its state ("Output" | "State"),
 * shown for the node types that keep state between batches. The choice stays while other nodes are selected, so a
 * person stepping through a pipeline's stateful nodes keeps seeing their state.
 */
final class StateToggle {
    /** The node types whose operator can keep state (a join only between two streams; its state view then says so). */
    static final Set<String> STATEFUL_TYPES = Set.of("transform.aggregate", "transform.dropDuplicates",
            "transform.join", "transform.limit");
    private final ToggleButton output = new ToggleButton("Output");
    private final ToggleButton state = new ToggleButton("State");
    private final SegmentedButton view = new SegmentedButton(output, state);

    StateToggle() {
        output.setId("inspector-output");
        output.setTooltip(new Tooltip("The rows the node put out in the batch shown"));
        state.setId("inspector-state");
        state.setTooltip(new Tooltip("What the node keeps in its state after the batch shown: an aggregation's groups "
                + "with their current aggregates, the keys a deduplication has seen, the rows a join of two streams "
                + "keeps"));
        output.setSelected(true);
        // One of the two is always chosen: a click on the chosen one keeps it.
        view.getToggleGroup().selectedToggleProperty().addListener((obs, old, chosen) -> {
            if (chosen == null) {
                old.setSelected(true);
            }
        });
        view.setId("inspector-view");
        view.managedProperty().bind(view.visibleProperty());
        view.setVisible(false);
    }

    Node view() {
        return view;
    }

    /** Shows the choice for a node of {@code type} (null: none selected), hides it for a stateless one. */
    void showFor(String type) {
        view.setVisible(type != null && STATEFUL_TYPES.contains(type));
    }

    /** Whether the state is shown: chosen, and the node keeps state. */
    boolean showsState() {
        return view.isVisible() && state.isSelected();
    }

    ReadOnlyBooleanProperty stateChosen() {
        return state.selectedProperty();
    }

    /** Chooses the state (true) or the output rows. */
    void choose(boolean showState) {
        (showState ? state : output).setSelected(true);
    }
}
