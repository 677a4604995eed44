package sluice.engine.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sluice.engine.aggregate.AggregateCall;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.operator.AggregateOperator;
import sluice.engine.operator.GroupingKey;
import sluice.engine.types.Schema;

/**
 * Plans {@code transform.aggregate} as Spark's {@code groupBy(...).agg(...)}: the grouping expressions and the
 * aggregations compiled against the input, each problem on its element of the option ({@code aggregations #2}).
 */
final class AggregatePlan {
    private AggregatePlan() {
    }

    static Optional<PlannedNode> plan(NodeContext context) {
        Schema input = context.inputSchema();
        List<GroupingKey> keys = new ArrayList<>();
        List<String> groupBy = context.list("groupBy");
        for (int i = 0; i < groupBy.size(); i++) {
            String option = GroupingPlan.option(i);
            Optional<GroupingKey> key = GroupingPlan.plan(context, option, groupBy.get(i), input);
            if (key.isPresent() && isWindow(key.get()) && keys.stream().anyMatch(AggregatePlan::isWindow)) {
                // Spark's TimeWindowing takes one window expression per aggregation.
                context.problem(option, ErrorCode.BAD_OPTION_VALUE, "Multiple time/session window expressions would "
                        + "result in a cartesian product of rows, therefore they are currently not supported; group "
                        + "by one window");
            }
            key.ifPresent(keys::add);
        }
        if (!keys.isEmpty() && keys.stream().allMatch(GroupingKey.SessionWindow.class::isInstance)) {
            // Spark's planner (AggUtils) keeps sessions per group of the other keys and refuses a query with none.
            context.problem(GroupingPlan.option(0), ErrorCode.UNSUPPORTED_IN_STREAMING, "Global aggregation with "
                    + "session window in streaming query is not supported; group by another key as well");
        }
        List<String> texts = context.list("aggregations");
        if (texts.isEmpty()) {
            context.problem("aggregations", ErrorCode.MISSING_OPTION,
                    "aggregate needs at least one aggregation, such as 'count(*)'");
        }
        List<AggregateCall> calls = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            context.aggregateCall(Position.elementOption("aggregations", i), texts.get(i), input).ifPresent(calls::add);
        }
        if (context.hasProblems()) {
            return Optional.empty();
        }
        return Optional.of(new PlannedNode.TransformNode(new AggregateOperator(keys, calls)));
    }

    private static boolean isWindow(GroupingKey key) {
        return key instanceof GroupingKey.TimeWindow || key instanceof GroupingKey.SessionWindow;
    }
}
