package sluice.engine.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sluice.engine.operator.FilterOperator;

/**
 * Hands a source the conditions of the filter that alone reads it, as Spark's optimizer pushes a filter into the
 * scan below it; a source read by other nodes too is left alone, since the data it skipped would be missing there.
 * The filter still runs, so the source may use the conditions or not.
 */
final class FilterPushdown {
    private FilterPushdown() {
    }

    static void apply(List<QueryPlan.Step> steps) {
        Map<String, Integer> readers = new HashMap<>();
        Map<String, QueryPlan.Step> byId = new HashMap<>();
        for (QueryPlan.Step step : steps) {
            byId.put(step.nodeId(), step);
            step.inputs().forEach(input -> readers.merge(input, 1, Integer::sum));
        }
        for (QueryPlan.Step step : steps) {
            if (!(step.node() instanceof PlannedNode.TransformNode transform)
                    || !(transform.operator() instanceof FilterOperator filter)
                    || filter.pushable().isEmpty() || step.inputs().size() != 1) {
                continue;
            }
            QueryPlan.Step input = byId.get(step.inputs().get(0));
            if (input != null && input.node() instanceof PlannedNode.SourceNode source
                    && readers.getOrDefault(input.nodeId(), 0) == 1) {
                source.source().pushFilters(filter.pushable());
            }
        }
    }
}
