package sluice.engine.runtime;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import sluice.engine.diag.Position;
import sluice.engine.diag.SluiceException;
import sluice.engine.expr.EvalContext;
import sluice.engine.operator.PartitionTasks;
import sluice.engine.operator.TaskContext;
import sluice.engine.plan.PlannedNode;
import sluice.engine.plan.QueryPlan;
import sluice.engine.source.InputPartition;
import sluice.engine.types.Batch;
import sluice.engine.types.PartitionedBatch;

/**
 * Runs one micro-batch through a plan: reads each source's offset range (its partitions in parallel), applies the
 * operators in plan order, hands each sink its input. A failure is reported against the node it happened in.
 * Owned by the query thread.
 */
final class BatchRunner {
    private final QueryPlan plan;
    private final PartitionTasks tasks;
    private final EngineEnvironment environment;

    BatchRunner(QueryPlan plan, PartitionTasks tasks, EngineEnvironment environment) {
        this.plan = requireNonNull(plan, "plan is null");
        this.tasks = requireNonNull(tasks, "tasks is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    /** What a batch produced: every node's output (sinks: their input), by node id in plan order. */
    record Outcome(Map<String, PartitionedBatch> outputs) {}

    Outcome run(long batchId, List<String> starts, List<String> ends, long batchTimestampMs) {
        TaskContext context = new TaskContext(batchId,
                new EvalContext(Math.multiplyExact(batchTimestampMs, 1000L), environment.zone()), tasks);
        Map<String, PartitionedBatch> outputs = new LinkedHashMap<>();
        int sourceIndex = 0;
        for (QueryPlan.Step step : plan.steps()) {
            PlannedNode node = step.node();
            if (node instanceof PlannedNode.SourceNode source) {
                String start = starts.get(sourceIndex);
                String end = ends.get(sourceIndex);
                sourceIndex++;
                outputs.put(step.nodeId(), inNode(step.nodeId(), () -> read(source, start, end)));
            } else if (node instanceof PlannedNode.TransformNode transform) {
                List<PartitionedBatch> inputs = inputsOf(step, outputs);
                outputs.put(step.nodeId(), inNode(step.nodeId(),
                        () -> transform.operator().execute(inputs, context)));
            } else if (node instanceof PlannedNode.SinkNode sink) {
                PartitionedBatch input = inputsOf(step, outputs).get(0);
                outputs.put(step.nodeId(), input);
                inNode(step.nodeId(), () -> {
                    sink.sink().addBatch(batchId, input);
                    return input;
                });
            } else {
                throw new AssertionError(node);
            }
        }
        return new Outcome(outputs);
    }

    private PartitionedBatch read(PlannedNode.SourceNode source, String start, String end) {
        if (end == null || Objects.equals(start, end)) {
            return new PartitionedBatch(source.schema(), List.of());
        }
        List<InputPartition> partitions = source.source().planInputPartitions(start, end);
        List<Batch> batches = tasks.map(partitions, InputPartition::read);
        return new PartitionedBatch(source.schema(), batches);
    }

    private static List<PartitionedBatch> inputsOf(QueryPlan.Step step, Map<String, PartitionedBatch> outputs) {
        List<PartitionedBatch> inputs = new ArrayList<>(step.inputs().size());
        for (String input : step.inputs()) {
            inputs.add(outputs.get(input));
        }
        return inputs;
    }

    /** Runs {@code work}, placing user errors at {@code nodeId} and wrapping bugs with it. */
    static <T> T inNode(String nodeId, Supplier<T> work) {
        try {
            return work.get();
        } catch (SluiceException e) {
            throw e.locatedAt(Position.node(nodeId));
        } catch (InternalFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InternalFailure(nodeId, e);
        }
    }
}
