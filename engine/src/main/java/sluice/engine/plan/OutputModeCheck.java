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
import sluice.engine.operator.StatefulOperator;
import sluice.engine.sink.OutputMode;

/**
 * Spark's output-mode rules, checked per sink against the aggregations above it, with Spark's reasons
 * (UnsupportedOperationChecker): complete needs a streaming aggregation; append after an aggregation needs a
 * watermark, which Sluice does not have yet, so it is refused. Each sink is its own query in Spark, but in Sluice the
 * sinks after one aggregation share its state, so they must share one output mode.
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
            List<String> aggregations = statefulAbove(step, byId);
            Position where = Position.option(step.nodeId(), "outputMode");
            OutputMode mode = sink.outputMode();
            if (aggregations.isEmpty() && mode == OutputMode.COMPLETE) {
                problems.add(Problem.of(ErrorCode.BAD_OUTPUT_MODE, where, unsupported(mode,
                        "no streaming aggregations") + "; use 'append' or 'update'"));
            } else if (!aggregations.isEmpty() && mode == OutputMode.APPEND) {
                // TODO(#12): append after an aggregation grouped by a watermarked event time.
                problems.add(Problem.of(ErrorCode.BAD_OUTPUT_MODE, where, unsupported(mode,
                        "streaming aggregations without watermark") + "; use 'update' or 'complete'"));
            } else if (aggregations.size() > 1) {
                // TODO(#12): chained stateful operators where Spark 4.1 allows them (append with watermarks).
                problems.add(Problem.of(ErrorCode.BAD_OUTPUT_MODE, where, "the sink follows %d aggregations ('%s'); "
                        + "an aggregation of an aggregation is not supported yet", aggregations.size(),
                        String.join("', '", aggregations)));
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

    /** Spark 4.1's STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION message. */
    private static String unsupported(OutputMode mode, String operation) {
        return "[STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION] Invalid streaming output mode: " + mode.optionValue()
                + ". This output mode is not supported for " + operation + " on streaming DataFrames/DataSets";
    }

    /** The stateful nodes a sink's rows pass through, nearest last, each once. */
    static List<String> statefulAbove(QueryPlan.Step step, Map<String, QueryPlan.Step> byId) {
        Set<String> found = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        List<QueryPlan.Step> pending = new ArrayList<>(List.of(step));
        while (!pending.isEmpty()) {
            QueryPlan.Step current = pending.remove(pending.size() - 1);
            if (!seen.add(current.nodeId())) {
                continue;
            }
            if (current.node() instanceof PlannedNode.TransformNode transform
                    && transform.operator() instanceof StatefulOperator) {
                found.add(current.nodeId());
            }
            current.inputs().forEach(input -> pending.add(byId.get(input)));
        }
        return List.copyOf(found);
    }
}
