package sluice.engine.runtime;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sluice.engine.operator.StatefulOperator;
import sluice.engine.plan.PlannedNode;
import sluice.engine.plan.QueryPlan;

/** Builds the {@link QueryProgress} of a finished batch from its timings and outputs. */
final class ProgressReport {
    private ProgressReport() {
    }

    /** {@code phases}: latestOffset, walCommit, addBatch and commitOffsets durations in ms. */
    static QueryProgress of(MicroBatchExecution execution, long batchId, long triggerStartMs,
                            long previousTriggerStartMs, List<String> starts, List<String> ends,
                            BatchRunner.Outcome outcome, long[] phases, long triggerMs,
                            Map<String, String> eventTime) {
        QueryPlan plan = execution.plan();
        List<QueryPlan.Step> sources = plan.sources();
        long totalRows = 0;
        long sinceLastTrigger = previousTriggerStartMs < 0 ? 0 : triggerStartMs - previousTriggerStartMs;
        List<QueryProgress.SourceProgress> sourceProgress = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            long rows = outcome.rowCounts().getOrDefault(sources.get(i).nodeId(), 0L);
            totalRows += rows;
            sourceProgress.add(new QueryProgress.SourceProgress(sources.get(i).nodeId() + " (" +
                    sources.get(i).type() + ")", starts.get(i), ends.get(i), rows,
                    rate(rows, sinceLastTrigger), rate(rows, triggerMs)));
        }
        List<QueryProgress.SinkProgress> sinkProgress = new ArrayList<>();
        for (QueryPlan.Step sink : plan.sinks()) {
            sinkProgress.add(new QueryProgress.SinkProgress(sink.nodeId() + " (" + sink.type() + ")",
                    outcome.rowCounts().getOrDefault(sink.nodeId(), 0L)));
        }
        Map<String, Long> durations = new LinkedHashMap<>();
        durations.put("addBatch", phases[2]);
        durations.put("commitOffsets", phases[3]);
        durations.put("getBatch", 0L);
        durations.put("latestOffset", phases[0]);
        durations.put("queryPlanning", 0L);
        durations.put("triggerExecution", triggerMs);
        durations.put("walCommit", phases[1]);
        return new QueryProgress(String.valueOf(execution.id()), String.valueOf(execution.runId()),
                execution.name(), Instant.ofEpochMilli(triggerStartMs).toString(), batchId, totalRows,
                rate(totalRows, sinceLastTrigger), rate(totalRows, triggerMs), durations, sourceProgress,
                sinkProgress, outcome.rowCounts(), outcome.inputs(), eventTime, stateOperators(plan));
    }

    /**
     * Every stateful operator's state after the batch, in Spark's order: its progress lists the operators of its plan
     * from the sink down (an operator before the ones that feed it, a join's left side before its right), so a chain
     * of aggregations lists the last one first. The sinks are taken in plan order, each operator once.
     */
    private static List<QueryProgress.StateOperatorProgress> stateOperators(QueryPlan plan) {
        Map<String, QueryPlan.Step> byId = new LinkedHashMap<>();
        plan.steps().forEach(step -> byId.put(step.nodeId(), step));
        Map<String, QueryProgress.StateOperatorProgress> operators = new LinkedHashMap<>();
        for (QueryPlan.Step sink : plan.sinks()) {
            collect(sink, byId, operators);
        }
        // A stateful node whose rows reach no sink still runs; it comes last, in plan order.
        for (QueryPlan.Step step : plan.steps()) {
            if (!operators.containsKey(step.nodeId()) && step.node() instanceof PlannedNode.TransformNode transform
                    && transform.operator() instanceof StatefulOperator) {
                collect(step, byId, operators);
            }
        }
        return List.copyOf(operators.values());
    }

    /** Adds the stateful operators from {@code start} up, in pre-order (a node, then each input in order). */
    private static void collect(QueryPlan.Step start, Map<String, QueryPlan.Step> byId,
                                Map<String, QueryProgress.StateOperatorProgress> operators) {
        // A stack, not recursion: a pipeline may be a chain of tens of thousands of nodes.
        Deque<QueryPlan.Step> pending = new ArrayDeque<>(List.of(start));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            QueryPlan.Step step = pending.pop();
            if (!seen.add(step.nodeId())) {
                continue;
            }
            if (step.node() instanceof PlannedNode.TransformNode transform
                    && transform.operator() instanceof StatefulOperator stateful
                    && !operators.containsKey(step.nodeId())) {
                operators.put(step.nodeId(), new QueryProgress.StateOperatorProgress(stateful.stateOperatorName(),
                        step.nodeId(), stateful.stateMetrics(), stateful.numRowsDroppedByWatermark()));
            }
            for (int i = step.inputs().size() - 1; i >= 0; i--) {
                pending.push(byId.get(step.inputs().get(i)));
            }
        }
    }

    /** Rows per second over {@code ms}; Spark reports 0.0 when no time has passed. */
    private static double rate(long rows, long ms) {
        return ms <= 0 ? 0.0 : rows * 1000.0 / ms;
    }
}
