package sluice.engine.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.operator.StreamJoinOperator;
import sluice.engine.sink.OutputMode;

/**
 * Spark runs a join of two streams in append mode only: a sink after one in another mode is refused with Spark's
 * reason (UnsupportedOperationChecker).
 */
final class StreamJoinModeCheck {
    private StreamJoinModeCheck() {
    }

    static void check(List<QueryPlan.Step> steps, List<Problem> problems) {
        Map<String, QueryPlan.Step> byId = new LinkedHashMap<>();
        steps.forEach(step -> byId.put(step.nodeId(), step));
        for (QueryPlan.Step step : steps) {
            if (step.node() instanceof PlannedNode.SinkNode sink && sink.outputMode() != OutputMode.APPEND
                    && OutputModeCheck.above(step, byId).stream().anyMatch(StreamJoinModeCheck::isStreamJoin)) {
                String mode = sink.outputMode().optionValue();
                problems.add(Problem.of(ErrorCode.BAD_OUTPUT_MODE, Position.option(step.nodeId(), "outputMode"),
                        "Join between two streaming DataFrames/Datasets is not supported in %s output mode, only in "
                                + "Append output mode", Character.toUpperCase(mode.charAt(0)) + mode.substring(1)));
            }
        }
    }

    static boolean isStreamJoin(QueryPlan.Step step) {
        return step.node() instanceof PlannedNode.TransformNode transform
                && transform.operator() instanceof StreamJoinOperator;
    }
}
