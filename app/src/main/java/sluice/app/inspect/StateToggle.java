package sluice.app.inspect;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.SegmentedButton;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.pipeline.PipelineSpec;

/**
 * Mutable, FX thread only. The inspector's choice between a node's output rows and its state ("Output" | "State"),
 * shown for the nodes that keep state between batches. The choice stays while other nodes are selected, so a
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

    /** Shows the choice for {@code node} of {@code pipeline} (null: none selected), hides it for a stateless one. */
    void showFor(PipelineSpec pipeline, NodeSpec node) {
        view.setVisible(node != null && keepsState(pipeline, node));
    }

    /**
     * Whether {@code node}'s operator keeps state: a join only between two streams, as in Spark, where a join of a
     * stream with a static table ({@code source.file} with {@code static: true}) keeps none.
     */
    static boolean keepsState(PipelineSpec pipeline, NodeSpec node) {
        if (!STATEFUL_TYPES.contains(node.type())) {
            return false;
        }
        return !node.type().equals("transform.join")
                || node.inputs().stream().allMatch(input -> isStream(pipeline, input, new HashSet<>()));
    }

    /**
     * As the planner decides it (Spark's isStreaming): a source is a stream unless it is a static file table, any
     * other node when one of its inputs is; a node the pipeline lacks, or a cycle, counts as a stream.
     */
    private static boolean isStream(PipelineSpec pipeline, String id, Set<String> seen) {
        Optional<NodeSpec> node = pipeline.node(id);
        if (node.isEmpty() || !seen.add(id)) {
            return true;
        }
        if (node.get().inputs().isEmpty()) {
            return node.get().options().entrySet().stream().noneMatch(option -> option.getKey()
                    .equalsIgnoreCase("static") && option.getValue() instanceof OptionValue.Text text
                    && text.value().strip().equalsIgnoreCase("true"));
        }
        return node.get().inputs().stream().anyMatch(input -> isStream(pipeline, input, seen));
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
