package sluice.engine.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.operator.AggregateOperator;
import sluice.engine.operator.WatermarkOperator;
import sluice.engine.operator.LimitOperator;
import sluice.engine.operator.Operator;
import sluice.engine.operator.SortOperator;
import sluice.engine.operator.StreamingLimitOperator;
import sluice.engine.sink.OutputMode;

/**
 * Spark's output-mode rules, checked per sink against the aggregations above it, with Spark's reasons
 * (UnsupportedOperationChecker): complete needs a streaming aggregation; append after an aggregation needs one of
 * its keys to be the event time of a watermark above it; update mode takes no session window; a sort needs an
 * aggregation and complete mode, a limit any mode but update. Each sink is its own query in Spark, but in Sluice
 * the sinks after one aggregation share its state, so they must share one output mode.
 */
final class OutputModeCheck {
    private OutputModeCheck() {
    }

    static void check(List<QueryPlan.Step> steps, List<Problem> problems) {
        Map<String, QueryPlan.Step> byId = new LinkedHashMap<>();
        steps.forEach(step -> byId.put(step.nodeId(), step));
        Map<String, OutputMode> modeOfAggregation = new LinkedHashMap<>();
        for (QueryPlan.Step step : steps) {
            if (!(step.node() instanceof PlannedNode.SinkNode sink)) {
                continue;
            }
            // A join of two streams keeps state but is no aggregation; its own rule is StreamJoinModeCheck's.
            List<String> aggregations = statefulAbove(step, byId).stream()
                    .filter(id -> !StreamJoinModeCheck.isStreamJoin(byId.get(id))).toList();
            Position where = Position.option(step.nodeId(), "outputMode");
            OutputMode mode = sink.outputMode();
            if (aggregations.isEmpty() && mode == OutputMode.COMPLETE) {
                problems.add(Problem.of(ErrorCode.BAD_OUTPUT_MODE, where, unsupported(mode,
                        "no streaming aggregations") + "; use 'append' or 'update'"));
            } else if (!aggregations.isEmpty() && mode == OutputMode.APPEND
                    && !aggregations.stream().allMatch(id -> groupsByEventTime(byId.get(id), byId))) {
                problems.add(Problem.of(ErrorCode.BAD_OUTPUT_MODE, where, unsupported(mode,
                        "streaming aggregations without watermark") + "; use 'update' or 'complete', or group by "
                        + "the event time of a 'transform.watermark' above (or a window over it)"));
            } else if (mode == OutputMode.UPDATE
                    && aggregations.stream().anyMatch(id -> groupsBySessionWindow(byId.get(id)))) {
                // Spark: an updated session may have replaced sessions already emitted, which update mode cannot say.
                problems.add(Problem.of(ErrorCode.BAD_OUTPUT_MODE, where, "Update output mode not supported for "
                        + "session window on streaming DataFrames/DataSets; use 'append' or 'complete'"));
            } else if (aggregations.size() > 1) {
                // TODO(#12): chained stateful operators where Spark 4.1 allows them (append with watermarks).
                problems.add(Problem.of(ErrorCode.BAD_OUTPUT_MODE, where, "the sink follows %d aggregations ('%s'); "
                        + "an aggregation of an aggregation is not supported yet", aggregations.size(),
                        String.join("', '", aggregations)));
            }
            if (problems.stream().noneMatch(p -> p.where().equals(where))) {
                sortAndLimit(step, byId, mode, problems);
            }
            for (String aggregation : aggregations) {
                OutputMode other = modeOfAggregation.putIfAbsent(aggregation, mode);
                if (other != null && other != mode) {
                    problems.add(Problem.of(ErrorCode.BAD_OUTPUT_MODE, where, "the sinks after aggregation '%s' "
                            + "must use one output mode, as they share its state, but one uses '%s' and this one "
                            + "'%s'", aggregation, other.optionValue(), mode.optionValue()));
                }
            }
        }
    }

    private static boolean groupsBySessionWindow(QueryPlan.Step step) {
        return ((PlannedNode.TransformNode) step.node()).operator() instanceof AggregateOperator aggregate
                && aggregate.hasSessionWindow();
    }

    /** Whether an aggregation groups by the event time of a watermark above it, which append mode needs. */
    private static boolean groupsByEventTime(QueryPlan.Step step, Map<String, QueryPlan.Step> byId) {
        return ((PlannedNode.TransformNode) step.node()).operator() instanceof AggregateOperator aggregate
                && aggregate.eventTimeKey(eventTimeColumnsAbove(step, byId)) >= 0;
    }

    /**
     * Spark's rules for the sorts and limits a sink's rows pass through (UnsupportedOperationChecker): a sort only of
     * an aggregation's result in complete mode, a limit in any mode but update.
     */
    private static void sortAndLimit(QueryPlan.Step sink, Map<String, QueryPlan.Step> byId, OutputMode mode,
                                     List<Problem> problems) {
        Position where = Position.option(sink.nodeId(), "outputMode");
        for (QueryPlan.Step step : above(sink, byId)) {
            Operator operator = step.node() instanceof PlannedNode.TransformNode transform
                    ? transform.operator() : null;
            if (operator instanceof SortOperator
                    && (mode != OutputMode.COMPLETE || statefulAbove(step, byId).isEmpty())) {
                problems.add(Problem.of(ErrorCode.UNSUPPORTED_IN_STREAMING, where, "Sorting is not supported on "
                        + "streaming DataFrames/Datasets, unless it is on aggregated DataFrame/Dataset in Complete "
                        + "output mode; '%s' sorts the rows of this %s sink", step.nodeId(), mode.optionValue()));
            } else if ((operator instanceof LimitOperator || operator instanceof StreamingLimitOperator)
                    && mode == OutputMode.UPDATE) {
                problems.add(Problem.of(ErrorCode.UNSUPPORTED_IN_STREAMING, where, "Limits are not supported on "
                        + "streaming DataFrames/Datasets in Update output mode; '%s' limits the rows of this sink",
                        step.nodeId()));
            }
        }
    }

    /**
     * Makes each limit with no aggregation before it a limit of the whole stream, as Spark plans a limit of a stream
     * in append mode (the only mode left for it once the rules are checked).
     */
    static void streamLimits(List<QueryPlan.Step> steps) {
        Map<String, QueryPlan.Step> byId = new LinkedHashMap<>();
        steps.forEach(step -> byId.put(step.nodeId(), step));
        for (int i = 0; i < steps.size(); i++) {
            QueryPlan.Step step = steps.get(i);
            if (step.node() instanceof PlannedNode.TransformNode transform
                    && transform.operator() instanceof LimitOperator limit && statefulAbove(step, byId).isEmpty()) {
                QueryPlan.Step streaming = new QueryPlan.Step(step.nodeId(), step.type(), step.inputs(),
                        new PlannedNode.TransformNode(limit.streaming()));
                steps.set(i, streaming);
                byId.put(step.nodeId(), streaming);
            }
        }
    }

    /** The steps a sink's rows pass through, the sink excluded, each once. */
    static List<QueryPlan.Step> above(QueryPlan.Step sink, Map<String, QueryPlan.Step> byId) {
        Map<String, QueryPlan.Step> found = new LinkedHashMap<>();
        List<String> pending = new ArrayList<>(sink.inputs());
        while (!pending.isEmpty()) {
            QueryPlan.Step current = byId.get(pending.remove(pending.size() - 1));
            if (current != null && found.putIfAbsent(current.nodeId(), current) == null) {
                pending.addAll(current.inputs());
            }
        }
        return List.copyOf(found.values());
    }

    /** Spark 4.1's STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION message. */
    private static String unsupported(OutputMode mode, String operation) {
        return "[STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION] Invalid streaming output mode: " + mode.optionValue()
                + ". This output mode is not supported for " + operation + " on streaming DataFrames/DataSets";
    }

    /** The event-time columns of the watermark nodes above {@code step} (itself excluded), each once. */
    static List<String> eventTimeColumnsAbove(QueryPlan.Step step, Map<String, QueryPlan.Step> byId) {
        Set<String> found = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        List<QueryPlan.Step> pending = new ArrayList<>();
        step.inputs().forEach(input -> pending.add(byId.get(input)));
        while (!pending.isEmpty()) {
            QueryPlan.Step current = pending.remove(pending.size() - 1);
            if (!seen.add(current.nodeId())) {
                continue;
            }
            if (current.node() instanceof PlannedNode.TransformNode transform
                    && transform.operator() instanceof WatermarkOperator watermark) {
                found.add(watermark.eventTime());
            }
            current.inputs().forEach(input -> pending.add(byId.get(input)));
        }
        return List.copyOf(found);
    }

    /** The aggregations a sink's rows pass through, nearest last, each once. */
    static List<String> statefulAbove(QueryPlan.Step step, Map<String, QueryPlan.Step> byId) {
        Set<String> found = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        List<QueryPlan.Step> pending = new ArrayList<>(List.of(step));
        while (!pending.isEmpty()) {
            QueryPlan.Step current = pending.remove(pending.size() - 1);
            if (!seen.add(current.nodeId())) {
                continue;
            }
            // Spark's output-mode rules are about aggregations; dropDuplicates runs in append and update mode alike.
            if (current.node() instanceof PlannedNode.TransformNode transform
                    && transform.operator() instanceof AggregateOperator) {
                found.add(current.nodeId());
            }
            current.inputs().forEach(input -> pending.add(byId.get(input)));
        }
        return List.copyOf(found);
    }
}
