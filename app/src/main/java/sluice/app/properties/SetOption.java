package sluice.app.properties;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import sluice.app.edit.Edit;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.pipeline.PipelineSpec;

/**
 * Sets one option of one node, or removes it when {@code value} is null (the node then uses the default). Made by
 * the property editors when a change is committed; a spec without the node is returned unchanged.
 */
public record SetOption(String nodeId, String option, OptionValue value) implements Edit {
    public SetOption {
        requireNonNull(nodeId, "nodeId is null");
        requireNonNull(option, "option is null");
    }

    @Override
    public PipelineSpec apply(PipelineSpec spec) {
        List<NodeSpec> nodes = new ArrayList<>(spec.nodes());
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).id().equals(nodeId)) {
                nodes.set(i, nodes.get(i).withOption(option, value));
                return spec.withNodes(nodes);
            }
        }
        return spec;
    }

    @Override
    public String description() {
        return (value == null ? "Clear " : "Set ") + option + " on " + nodeId;
    }
}
