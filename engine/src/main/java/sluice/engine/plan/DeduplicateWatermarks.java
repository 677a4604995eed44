package sluice.engine.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.operator.DropDuplicatesOperator;
import sluice.engine.operator.WatermarkOperator;
import sluice.engine.types.Schema;
import sluice.engine.types.StructType;

/**
 * Gives each dropDuplicates below a watermark the watermark's event-time column, when it reaches its input (Spark
 * finds it by the column's watermark metadata, Sluice by its name), and refuses withinWatermark without one, with
 * Spark's reason (UnsupportedOperationChecker). Runs before column pruning, so the event-time column is read.
 */
final class DeduplicateWatermarks {
    private DeduplicateWatermarks() {
    }

    /**
     * An input column that carries a watermark's event time under another form: a select's new name for it, or the
     * window column of an aggregation above (Spark's window struct keeps the watermark's metadata, and its
     * deduplication then compares the window's end with the watermark); -1 when none reaches.
     */
    private static int carriedEventTime(QueryPlan.Step step, Map<String, QueryPlan.Step> byId, Schema input) {
        return OutputModeCheck.eventTimeColumnsAbove(step, byId).stream().mapToInt(input::indexOf)
                .filter(index -> index >= 0).findFirst().orElse(-1);
    }

    static void apply(List<QueryPlan.Step> steps, List<Problem> problems) {
        Map<String, QueryPlan.Step> byId = new LinkedHashMap<>();
        steps.forEach(step -> byId.put(step.nodeId(), step));
        for (int i = 0; i < steps.size(); i++) {
            QueryPlan.Step step = steps.get(i);
            if (!(step.node() instanceof PlannedNode.TransformNode transform
                    && transform.operator() instanceof DropDuplicatesOperator dedup)) {
                continue;
            }
            List<WatermarkOperator> above = WatermarksAbove.of(step.inputs(), byId);
            WatermarkOperator reaching = above.stream().filter(w -> dedup.schema().indexOf(w.eventTime()) >= 0)
                    .findFirst().orElse(null);
            int column = reaching == null ? -1 : dedup.schema().indexOf(reaching.eventTime());
            if (column < 0 && !above.isEmpty()) {
                column = carriedEventTime(step, byId, dedup.schema());
            }
            boolean timestamp = column >= 0 && !(dedup.schema().field(column).type() instanceof StructType);
            if (dedup.withinWatermark() && !timestamp) {
                problems.add(Problem.of(ErrorCode.UNSUPPORTED_IN_STREAMING,
                        Position.option(step.nodeId(), "withinWatermark"), "dropDuplicatesWithinWatermark is not "
                                + "supported on streaming DataFrames/DataSets without watermark; add a "
                                + "'transform.watermark' above whose event-time column reaches this node"));
            } else if (!above.isEmpty()) {
                long delayMs = (reaching == null ? above.get(0) : reaching).delayMs();
                QueryPlan.Step timed = new QueryPlan.Step(step.nodeId(), step.type(), step.inputs(),
                        new PlannedNode.TransformNode(dedup.withWatermark(column, delayMs)));
                steps.set(i, timed);
                byId.put(step.nodeId(), timed);
            }
        }
    }
}
