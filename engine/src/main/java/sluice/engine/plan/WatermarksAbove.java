package sluice.engine.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sluice.engine.operator.WatermarkOperator;

/**
 * The watermark nodes a planned node's rows pass through: what the stateful operators' planning passes
 * ({@link DeduplicateWatermarks}, {@link StreamJoinWatermarks}) look for, since Sluice finds a watermark by its
 * event-time column's name where Spark reads the column's metadata. Stateless.
 */
final class WatermarksAbove {
    private WatermarksAbove() {
    }

    /** The watermark nodes among {@code ids} and the nodes above them, nearest first (breadth first), each once. */
    static List<WatermarkOperator> of(List<String> ids, Map<String, QueryPlan.Step> byId) {
        List<WatermarkOperator> found = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<QueryPlan.Step> pending = new ArrayList<>();
        ids.forEach(id -> pending.add(byId.get(id)));
        while (!pending.isEmpty()) {
            QueryPlan.Step current = pending.remove(0);
            if (current == null || !seen.add(current.nodeId())) {
                continue;
            }
            if (current.node() instanceof PlannedNode.TransformNode transform
                    && transform.operator() instanceof WatermarkOperator watermark) {
                found.add(watermark);
            }
            current.inputs().forEach(input -> pending.add(byId.get(input)));
        }
        return found;
    }
}
