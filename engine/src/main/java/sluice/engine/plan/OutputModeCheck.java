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
import sluice.engine.operator.DropDuplicatesOperator;
import sluice.engine.operator.WatermarkOperator;
import sluice.engine.operator.LimitOperator;
import sluice.engine.operator.Operator;
import sluice.engine.operator.ProjectOperator;
import sluice.engine.operator.SortOperator;
import sluice.engine.operator.StreamingLimitOperator;
import sluice.engine.sink.OutputMode;
import sluice.engine.types.Schema;

/**
 * Spark's output-mode rules, checked per sink against the aggregations above it, with Spark's reasons
 * (UnsupportedOperationChecker): complete needs a streaming aggregation; append after an aggregation needs one of
 * its keys to be the event time of a watermark above it (or an earlier aggregation's window over it); update mode
 * takes no session window; a sort needs an aggregation and complete mode, a limit any mode but update; a stateful
 * operator may follow an aggregation in append mode only. Each sink is its own query in Spark, but in Sluice
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
            // Spark checks the output mode against the aggregation nearest the sink (the first its plan shows).
            QueryPlan.Step nearest = aggregations.isEmpty() ? null : byId.get(aggregations.get(0));
            Position where = Position.option(step.nodeId(), "outputMode");
            OutputMode mode = sink.outputMode();
            if (aggregations.isEmpty() && mode == OutputMode.COMPLETE) {
                problems.add(Problem.of(ErrorCode.BAD_OUTPUT_MODE, where, unsupported(mode,
                        "no streaming aggregations") + "; use 'append' or 'update'"));
            } else if (nearest != null && mode == OutputMode.APPEND && !groupsByEventTime(nearest, byId)) {
                problems.add(Problem.of(ErrorCode.BAD_OUTPUT_MODE, where, unsupported(mode,
                        "streaming aggregations without watermark") + "; use 'update' or 'complete', or group by "
                        + "the event time of a 'transform.watermark' above (or a window over it)"));
            } else if (nearest != null && mode == OutputMode.UPDATE && groupsBySessionWindow(nearest)) {
                // Spark: an updated session may have replaced sessions already emitted, which update mode cannot say.
                problems.add(Problem.of(ErrorCode.BAD_OUTPUT_MODE, where, "Update output mode not supported for "
                        + "session window on streaming DataFrames/DataSets; use 'append' or 'complete'"));
            }
            if (problems.stream().noneMatch(p -> p.where().equals(where))) {
                sortAndLimit(step, byId, mode, problems);
            }
            if (problems.stream().noneMatch(p -> p.where().equals(where))) {
                globalWatermarkLimit(step, byId, mode, problems);
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

    /**
     * Spark's check of chained stateful operators against its one global watermark (its
     * checkStreamingQueryGlobalWatermarkLimit): an aggregation that is not in append mode emits groups it may change
     * again, rows a stateful operator after it could drop as late, so Spark refuses any stateful operator after it (a
     * join of two streams, an aggregation, a deduplication by an event time or within the watermark). In append mode
     * an aggregation emits a group once, when the watermark passed it, and the operators after it take the watermark
     * it passes on.
     */
    private static void globalWatermarkLimit(QueryPlan.Step sink, Map<String, QueryPlan.Step> byId, OutputMode mode,
                                             List<Problem> problems) {
        // A join of two streams outside append mode is refused by StreamJoinModeCheck, as Spark checks that first.
        if (mode == OutputMode.APPEND || above(sink, byId).stream().anyMatch(StreamJoinModeCheck::isStreamJoin)) {
            return;
        }
        for (QueryPlan.Step step : above(sink, byId)) {
            if (!boundByWatermark(step, byId)) {
                continue;
            }
            List<String> before = statefulAbove(step, byId).stream().filter(id -> !id.equals(step.nodeId())).toList();
            if (before.stream().map(byId::get).anyMatch(OutputModeCheck::isAggregation)) {
                problems.add(Problem.of(ErrorCode.BAD_OUTPUT_MODE, Position.option(sink.nodeId(), "outputMode"),
                        "Detected pattern of possible 'correctness' issue due to global watermark. The query contains "
                        + "stateful operation which can emit rows older than the current watermark plus allowed late "
                        + "record delay, which are \"late rows\" in downstream stateful operations and these rows can "
                        + "be discarded; '%s' follows aggregation '%s' in %s mode (only append mode lets a stateful "
                        + "operator follow an aggregation)", step.nodeId(), before.get(0), mode.optionValue()));
                return;
            }
        }
    }

    /** Whether a step is one of the stateful operators Spark's global-watermark check looks after an aggregation. */
    private static boolean boundByWatermark(QueryPlan.Step step, Map<String, QueryPlan.Step> byId) {
        if (isAggregation(step) || StreamJoinModeCheck.isStreamJoin(step)) {
            return true;
        }
        if (step.node() instanceof PlannedNode.TransformNode transform
                && transform.operator() instanceof DropDuplicatesOperator dedup) {
            List<String> eventTimes = eventTimeColumnsAbove(step, byId);
            return dedup.withinWatermark()
                    || dedup.keyNames().stream().anyMatch(key -> eventTimes.stream().anyMatch(key::equalsIgnoreCase));
        }
        return false;
    }

    private static boolean isAggregation(QueryPlan.Step step) {
        return step.node() instanceof PlannedNode.TransformNode transform
                && transform.operator() instanceof AggregateOperator;
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

    /**
     * The event-time columns above {@code step} (itself excluded), each once: those of the watermark nodes, the key
     * of each aggregation above that groups by one of its own (a window over the event time, say), and the new name a
     * select gives one of its own: Spark passes the watermark's metadata on to such a key and through an alias, so a
     * later aggregation can window it again and a join can use it as a watermarked key.
     */
    static List<String> eventTimeColumnsAbove(QueryPlan.Step step, Map<String, QueryPlan.Step> byId) {
        return eventTimeColumnsOf(step.inputs(), byId);
    }

    /** As {@link #eventTimeColumnsAbove}, for the rows of the nodes {@code inputs} (themselves included). */
    static List<String> eventTimeColumnsOf(List<String> inputs, Map<String, QueryPlan.Step> byId) {
        Map<String, Set<String>> out = eventTimesOut(byId);
        Set<String> found = new LinkedHashSet<>();
        inputs.forEach(input -> found.addAll(out.getOrDefault(input, Set.of())));
        return List.copyOf(found);
    }

    /**
     * The event-time columns of each node's rows, worked out in one pass in plan order (inputs before the nodes they
     * feed): what reaches a node from its inputs, plus its watermark's column, its event-time key if an aggregation,
     * and its new names for them if a select.
     */
    private static Map<String, Set<String>> eventTimesOut(Map<String, QueryPlan.Step> byId) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (QueryPlan.Step step : byId.values()) {
            Set<String> reaching = new LinkedHashSet<>();
            step.inputs().forEach(input -> reaching.addAll(out.getOrDefault(input, Set.of())));
            Set<String> made = new LinkedHashSet<>(reaching);
            Operator operator = step.node() instanceof PlannedNode.TransformNode transform
                    ? transform.operator() : null;
            if (operator instanceof WatermarkOperator watermark) {
                made.add(watermark.eventTime());
            } else if (operator instanceof AggregateOperator aggregate) {
                int key = aggregate.eventTimeKey(List.copyOf(reaching));
                if (key >= 0) {
                    made.add(aggregate.schema().field(key).name());
                }
            } else if (operator instanceof ProjectOperator project && step.inputs().size() == 1
                    && !reaching.isEmpty()) {
                Schema input = byId.get(step.inputs().get(0)).node().schema();
                for (ProjectOperator.Column column : project.columns()) {
                    String source = column.expression() == null ? input.field(column.inputIndex()).name()
                            : column.expression().columnName();
                    if (source != null && reaching.stream().anyMatch(source::equalsIgnoreCase)) {
                        made.add(column.name());
                    }
                }
            }
            out.put(step.nodeId(), made.isEmpty() ? Set.of() : made);
        }
        return out;
    }

    /** The aggregations a sink's rows pass through (itself included), each once; along a chain the nearest first. */
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
