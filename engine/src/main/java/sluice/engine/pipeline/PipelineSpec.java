package sluice.engine.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** A whole pipeline: its name, trigger, optional checkpoint folder, and nodes in file order. */
public record PipelineSpec(String format, String name, Trigger trigger, String checkpointLocation,
                           List<NodeSpec> nodes) {
    public static final String FORMAT = "sluice/1";

    public PipelineSpec {
        requireNonNull(format, "format is null");
        requireNonNull(name, "name is null");
        requireNonNull(trigger, "trigger is null");
        nodes = List.copyOf(nodes);
    }

    public Optional<NodeSpec> node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    public PipelineSpec withTrigger(Trigger newTrigger) {
        return new PipelineSpec(format, name, newTrigger, checkpointLocation, nodes);
    }

    public PipelineSpec withCheckpointLocation(String location) {
        return new PipelineSpec(format, name, trigger, location, nodes);
    }

    public PipelineSpec withNodes(List<NodeSpec> newNodes) {
        return new PipelineSpec(format, name, trigger, checkpointLocation, newNodes);
    }
}
