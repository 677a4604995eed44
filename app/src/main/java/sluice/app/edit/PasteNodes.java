package sluice.app.edit;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.PipelineSpec;

/**
 * Adds copies of nodes (pasted or duplicated) under fresh ids, moved by ({@code dx}, {@code dy}). Edges between the
 * copies are kept; inputs from nodes that were not copied are dropped. {@code verb} is "Paste" or "Duplicate".
 */
public record PasteNodes(List<NodeSpec> nodes, double dx, double dy, String verb) implements Edit {
    public PasteNodes {
        nodes = List.copyOf(nodes);
        requireNonNull(verb, "verb is null");
    }

    /** The id each copied node gets when pasted into {@code spec}, in the order of {@link #nodes()}. */
    public Map<String, String> newIds(PipelineSpec spec) {
        Set<String> taken = new HashSet<>();
        spec.nodes().forEach(n -> taken.add(n.id()));
        Map<String, String> ids = new LinkedHashMap<>();
        for (NodeSpec node : nodes) {
            String id = NodeIds.fresh(node.type(), taken);
            taken.add(id);
            ids.put(node.id(), id);
        }
        return ids;
    }

    @Override
    public PipelineSpec apply(PipelineSpec spec) {
        Map<String, String> ids = newIds(spec);
        List<NodeSpec> all = new ArrayList<>(spec.nodes());
        for (NodeSpec node : nodes) {
            List<String> inputs = node.inputs().stream().filter(ids::containsKey).map(ids::get).toList();
            all.add(new NodeSpec(ids.get(node.id()), node.type(), inputs, node.x() + dx, node.y() + dy,
                    node.options()));
        }
        return spec.withNodes(all);
    }

    @Override
    public String description() {
        return verb + " " + nodes.size() + (nodes.size() == 1 ? " node" : " nodes");
    }
}
