package sluice.engine.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sluice.engine.aggregate.AggregateCall;
import sluice.engine.aggregate.AggregateCompiler;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.SluiceException;
import sluice.engine.expr.CompiledExpression;
import sluice.engine.expr.ExpressionCompiler;
import sluice.engine.operator.AggregateOperator;
import sluice.engine.types.MapType;
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
        List<CompiledExpression> keys = new ArrayList<>();
        List<String> groupBy = context.list("groupBy");
        for (int i = 0; i < groupBy.size(); i++) {
            String option = Position.elementOption("groupBy", i);
            Optional<CompiledExpression> key = context.expression(option, groupBy.get(i), input);
            if (key.isPresent() && key.get().type() instanceof MapType) {
                // Spark cannot group by a map: map values have no equality it can hash.
                context.problem(option, ErrorCode.TYPE_MISMATCH, "[GROUP_EXPRESSION_TYPE_IS_NOT_ORDERABLE] cannot "
                        + "group by '%s' of type %s: maps cannot be compared", key.get().name(),
                        key.get().type().sql());
            }
            key.ifPresent(keys::add);
        }
        List<String> texts = context.list("aggregations");
        if (texts.isEmpty()) {
            context.problem("aggregations", ErrorCode.MISSING_OPTION,
                    "aggregate needs at least one aggregation, such as 'count(*)'");
        }
        AggregateCompiler compiler = new AggregateCompiler(new ExpressionCompiler(context.environment().zone()));
        List<AggregateCall> calls = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            try {
                calls.add(compiler.compile(texts.get(i), input,
                        context.where(Position.elementOption("aggregations", i))));
            } catch (SluiceException e) {
                context.problem(e);
            }
        }
        if (context.hasProblems()) {
            return Optional.empty();
        }
        return Optional.of(new PlannedNode.TransformNode(new AggregateOperator(keys, calls)));
    }
}
