package sluice.app.canvas;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sluice.engine.plan.QueryPlan;
import sluice.engine.runtime.QueryProgress;

/**
 * Mutable, FX thread only. The text over each stateful node after a batch: the rows its state keeps, the rows it
 * dropped as late in the run so far, and, where a watermark reaches the node, the watermark the next batch uses
 * ({@code state 24 rows · 3 late rows dropped} over {@code watermark 2016-01-30 00:00:00}). Fed one progress per
 * batch; cleared when a run starts over.
 */
public final class StateFigures {
    /** Spark reports the epoch as the watermark until the first batch with event times moved it. */
    private static final String NO_WATERMARK = "1970-01-01T00:00:00.000Z";
    private final Map<String, Long> droppedInRun = new LinkedHashMap<>();

    /**
     * The text of every stateful node of {@code progress}, by node id in the progress' order.
     *
     * @param plan the running pipeline's plan, to know which nodes a watermark reaches (null: none)
     */
    public Map<String, String> after(QueryProgress progress, QueryPlan plan) {
        Map<String, String> texts = new LinkedHashMap<>();
        String watermark = progress.eventTime().get("watermark");
        for (QueryProgress.StateOperatorProgress operator : progress.stateOperators()) {
            long dropped = droppedInRun.merge(operator.nodeId(), operator.numRowsDroppedByWatermark(), Long::sum);
            long total = operator.metrics().numRowsTotal();
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "state %,d row%s", total,
                    total == 1 ? "" : "s"));
            if (dropped > 0) {
                text.append(String.format(Locale.ROOT, " · %,d late row%s dropped", dropped,
                        dropped == 1 ? "" : "s"));
            }
            if (plan != null && watermark != null && reachedByWatermark(plan, operator.nodeId())) {
                text.append('\n').append(watermarkText(watermark));
            }
            texts.put(operator.nodeId(), text.toString());
        }
        return texts;
    }

    private static boolean reachedByWatermark(QueryPlan plan, String nodeId) {
        List<String> columns = plan.steps().stream().anyMatch(step -> step.nodeId().equals(nodeId))
                ? plan.eventTimeColumnsAbove(nodeId) : List.of();
        return !columns.isEmpty();
    }

    /** {@code watermark 2016-01-30 00:00:00} (UTC, as Spark's progress gives it), milliseconds only when not 0. */
    static String watermarkText(String sparkWatermark) {
        if (sparkWatermark.equals(NO_WATERMARK)) {
            return "no watermark yet";
        }
        String text = sparkWatermark.replace('T', ' ');
        text = text.endsWith("Z") ? text.substring(0, text.length() - 1) : text;
        text = text.endsWith(".000") ? text.substring(0, text.length() - 4) : text;
        return "watermark " + text + " UTC";
    }

    /** Forgets the late rows counted: a new run starts from 0. */
    public void clear() {
        droppedInRun.clear();
    }
}
