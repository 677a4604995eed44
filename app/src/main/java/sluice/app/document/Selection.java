package sluice.app.document;

import java.util.Collection;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * FX thread only. What the user has selected: nodes (in the order picked; the last is the one the property sheet
 * shows), or one edge; and the option a problem pointed at, for the property sheet to focus.
 */
public final class Selection {
    /** An edge of the canvas: rows flow from {@code from} into input number {@code inputIndex} of {@code to}. */
    public record EdgeRef(String from, String to, int inputIndex) {}

    private final ObservableList<String> nodes = FXCollections.observableArrayList();
    private final ObjectProperty<EdgeRef> edge = new SimpleObjectProperty<>(this, "edge");
    private final ObjectProperty<String> focusedOption = new SimpleObjectProperty<>(this, "focusedOption");

    public ObservableList<String> nodes() {
        return nodes;
    }

    public ObjectProperty<EdgeRef> edgeProperty() {
        return edge;
    }

    public ObjectProperty<String> focusedOptionProperty() {
        return focusedOption;
    }

    /** The node the inspector and property sheet show: the last selected one, or the edge's source. */
    public String primaryNode() {
        if (!nodes.isEmpty()) {
            return nodes.get(nodes.size() - 1);
        }
        return edge.get() == null ? null : edge.get().from();
    }

    public void selectOnly(String nodeId) {
        edge.set(null);
        nodes.setAll(List.of(nodeId));
    }

    public void selectAll(Collection<String> nodeIds) {
        edge.set(null);
        nodes.setAll(nodeIds);
    }

    public void toggle(String nodeId) {
        edge.set(null);
        if (!nodes.remove(nodeId)) {
            nodes.add(nodeId);
        }
    }

    public void selectEdge(EdgeRef ref) {
        nodes.clear();
        edge.set(ref);
    }

    public void clear() {
        nodes.clear();
        edge.set(null);
        focusedOption.set(null);
    }
}
