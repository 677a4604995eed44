package sluice.engine.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.operator.StreamJoinOperator;
import sluice.engine.operator.WatermarkOperator;
import sluice.engine.types.Schema;

/**
 * Gives each join of two streams the event-time columns of the watermarks that reach each of its inputs, or of the
 * columns that carry one on, such as an aggregation's window (Spark finds them by the columns' watermark metadata,
 * Sluice by name), and refuses an outer or semi join whose state no
 * watermark bounds, with Spark's reason (UnsupportedOperationChecker). Runs before column pruning.
 */
final class StreamJoinWatermarks {
    private StreamJoinWatermarks() {
    }

    static void apply(List<QueryPlan.Step> steps, List<Problem> problems) {
        Map<String, QueryPlan.Step> byId = new LinkedHashMap<>();
        steps.forEach(step -> byId.put(step.nodeId(), step));
        for (int i = 0; i < steps.size(); i++) {
            QueryPlan.Step step = steps.get(i);
            if (!(step.node() instanceof PlannedNode.TransformNode transform
                    && transform.operator() instanceof StreamJoinOperator join)) {
                continue;
            }
            List<WatermarkOperator> leftAbove = WatermarksAbove.of(List.of(step.inputs().get(0)), byId);
            List<WatermarkOperator> rightAbove = WatermarksAbove.of(List.of(step.inputs().get(1)), byId);
            int leftTime = reaching(leftAbove, join.leftSchema(), step.inputs().get(0), byId);
            int rightTime = reaching(rightAbove, join.rightSchema(), step.inputs().get(1), byId);
            Optional<String> refused = StreamingJoinRules.watermarkRefusal(join.type(), join.condition(), leftTime,
                    rightTime);
            if (refused.isPresent()) {
                problems.add(Problem.of(ErrorCode.UNSUPPORTED_JOIN, Position.option(step.nodeId(), "how"), "%s",
                        refused.get()));
            } else if (!leftAbove.isEmpty() || !rightAbove.isEmpty()) {
                QueryPlan.Step timed = new QueryPlan.Step(step.nodeId(), step.type(), step.inputs(),
                        new PlannedNode.TransformNode(join.withWatermarks(leftTime, rightTime)));
                steps.set(i, timed);
                byId.put(step.nodeId(), timed);
            }
        }
    }

    /**
     * The column of {@code side} that is the event time of the nearest watermark reaching it, or else one that carries
     * it on (an earlier aggregation's window over it, a new name for it), or -1.
     */
    private static int reaching(List<WatermarkOperator> above, Schema side, String input,
                                Map<String, QueryPlan.Step> byId) {
        int column = above.stream().map(watermark -> side.indexOf(watermark.eventTime())).filter(c -> c >= 0)
                .findFirst().orElse(-1);
        if (column < 0 && !above.isEmpty()) {
            column = OutputModeCheck.eventTimeColumnsOf(List.of(input), byId).stream().map(side::indexOf)
                    .filter(c -> c >= 0).findFirst().orElse(-1);
        }
        return column;
    }
}
