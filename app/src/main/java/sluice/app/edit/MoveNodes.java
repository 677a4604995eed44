package sluice.app.edit;

import java.util.ArrayList;
import java.util.List;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.PipelineSpec;

/** Moves nodes by the same distance on the canvas: one edit for a whole drag, whatever the number of nodes. */
public record MoveNodes(List<String> nodeIds, double dx, double dy) implements Edit {
    public MoveNodes {
        nodeIds = List.copyOf(nodeIds);
    }

    @Override
    public PipelineSpec apply(PipelineSpec spec) {
        if (dx == 0 && dy == 0) {
            return spec;
        }
        List<NodeSpec> nodes = new ArrayList<>();
        for (NodeSpec node : spec.nodes()) {
            nodes.add(nodeIds.contains(node.id()) ? node.at(node.x() + dx, node.y() + dy) : node);
        }
        return spec.withNodes(nodes);
    }

    @Override
    public String description() {
        return nodeIds.size() == 1 ? "Move " + nodeIds.get(0) : "Move " + nodeIds.size() + " nodes";
    }
}
