package sluice.engine.plan;

import java.util.List;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.sink.OutputMode;

/**
 * Spark's output-mode rules, checked per sink. For the stateless pipelines of this version: append and update are
 * allowed, complete needs a streaming aggregation, with Spark's own reason in the message.
 */
final class OutputModeCheck {
    private OutputModeCheck() {
    }

    static void check(List<QueryPlan.Step> steps, List<Problem> problems) {
        for (QueryPlan.Step step : steps) {
            if (step.node() instanceof PlannedNode.SinkNode sink && sink.outputMode() == OutputMode.COMPLETE) {
                problems.add(Problem.of(ErrorCode.BAD_OUTPUT_MODE, Position.option(step.nodeId(), "outputMode"),
                        "Complete output mode not supported when there are no streaming aggregations on streaming "
                                + "DataFrames/Datasets; use 'append' or 'update'"));
            }
        }
    }
}
