package sluice.app.edit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.PipelineSpec;

/**
 * Deletes nodes with every edge touching them, and single edges. A node that loses an input keeps its other inputs in
 * their order.
 */
public record RemoveElements(List<String> nodeIds, List<Link> edges) implements Edit {
    public RemoveElements {
        nodeIds = List.copyOf(nodeIds);
        edges = List.copyOf(edges);
    }

    public static RemoveElements nodes(List<String> nodeIds) {
        return new RemoveElements(nodeIds, List.of());
    }

    public static RemoveElements edge(Link edge) {
        return new RemoveElements(List.of(), List.of(edge));
    }

    @Override
    public PipelineSpec apply(PipelineSpec spec) {
        Set<String> gone = new LinkedHashSet<>(nodeIds);
        List<NodeSpec> kept = new ArrayList<>();
        for (NodeSpec node : spec.nodes()) {
            if (gone.contains(node.id())) {
                continue;
            }
            List<String> inputs = new ArrayList<>();
            for (int i = 0; i < node.inputs().size(); i++) {
                String input = node.inputs().get(i);
                if (!gone.contains(input) && !edges.contains(new Link(input, node.id(), i))) {
                    inputs.add(input);
                }
            }
            kept.add(inputs.equals(node.inputs()) ? node : node.withInputs(inputs));
        }
        return spec.withNodes(kept);
    }

    @Override
    public String description() {
        List<String> parts = new ArrayList<>();
        if (nodeIds.size() == 1) {
            parts.add(nodeIds.get(0));
        } else if (!nodeIds.isEmpty()) {
            parts.add(nodeIds.size() + " nodes");
        }
        if (edges.size() == 1) {
            parts.add("edge " + edges.get(0).label());
        } else if (!edges.isEmpty()) {
            parts.add(edges.size() + " edges");
        }
        return "Delete " + String.join(" and ", parts);
    }
}
