package sluice.engine.plan;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import sluice.engine.pipeline.PipelineSpec;

/**
 * A checked pipeline ready to run: its nodes in topological order (ties in file order), each with its inputs' ids
 * and planned piece. Immutable, but the sources and sinks inside it are started once, by one query.
 */
public record QueryPlan(PipelineSpec spec, List<Step> steps) {
    public QueryPlan {
        requireNonNull(spec, "spec is null");
        steps = List.copyOf(steps);
    }

    /** One node of the plan. */
    public record Step(String nodeId, String type, List<String> inputs, PlannedNode node) {
        public Step {
            requireNonNull(nodeId, "nodeId is null");
            inputs = List.copyOf(inputs);
            requireNonNull(node, "node is null");
        }
    }

    public List<Step> sources() {
        return steps.stream().filter(s -> s.node() instanceof PlannedNode.SourceNode).toList();
    }

    public List<Step> sinks() {
        return steps.stream().filter(s -> s.node() instanceof PlannedNode.SinkNode).toList();
    }

    /**
     * The output mode of the sinks fed by stateful node {@code nodeId} (the planner checked they share one), or
     * update when none is (a node whose rows go nowhere).
     */
    public sluice.engine.sink.OutputMode outputModeAfter(String nodeId) {
        Map<String, Step> byId = new java.util.LinkedHashMap<>();
        steps.forEach(step -> byId.put(step.nodeId(), step));
        for (Step sink : sinks()) {
            if (OutputModeCheck.statefulAbove(sink, byId).contains(nodeId)) {
                return ((PlannedNode.SinkNode) sink.node()).outputMode();
            }
        }
        return sluice.engine.sink.OutputMode.UPDATE;
    }

    /** The output schema of every node, by id, in plan order. */
    public Map<String, sluice.engine.types.Schema> schemas() {
        Map<String, sluice.engine.types.Schema> schemas = new java.util.LinkedHashMap<>();
        steps.forEach(step -> schemas.put(step.nodeId(), step.node().schema()));
        return schemas;
    }
}
