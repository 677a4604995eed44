package sluice.app.edit;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.PipelineSpec;

/** Adds one node (dropped from the palette) at the end of the pipeline; nothing happens when its id is taken. */
public record AddNode(NodeSpec node) implements Edit {
    public AddNode {
        requireNonNull(node, "node is null");
    }

    @Override
    public PipelineSpec apply(PipelineSpec spec) {
        if (spec.node(node.id()).isPresent()) {
            return spec;
        }
        List<NodeSpec> nodes = new ArrayList<>(spec.nodes());
        nodes.add(node);
        return spec.withNodes(nodes);
    }

    @Override
    public String description() {
        return "Add " + node.id();
    }
}
