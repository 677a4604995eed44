package sluice.engine.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.expr.CompiledExpression;
import sluice.engine.expr.parse.SortOrder;
import sluice.engine.operator.LimitOperator;
import sluice.engine.operator.SortOperator;
import sluice.engine.pipeline.NodeKind;
import sluice.engine.pipeline.OptionKind;
import sluice.engine.pipeline.OptionSpec;
import sluice.engine.types.MapType;
import sluice.engine.types.Schema;

/**
 * Plans {@code transform.sort} (Spark's {@code orderBy}) and {@code transform.limit} (Spark's {@code limit}). Where
 * Spark allows them on a stream depends on the sinks' output modes, which {@link OutputModeCheck} checks once the
 * whole pipeline is planned; a limit with no aggregation before it becomes a limit of the whole stream there.
 */
final class SortLimitPlan {
    static final NodeKind SORT = new NodeKind("transform.sort", NodeKind.Category.TRANSFORM, 1, 1, List.of(
            OptionSpec.required("orderBy", OptionKind.EXPRESSION_LIST, "Spark SQL expressions to sort by, each "
                    + "optionally followed by ASC or DESC and NULLS FIRST or NULLS LAST")),
            "Sorts each batch's rows, as Spark's orderBy; only after an aggregation, in complete mode");
    static final NodeKind LIMIT = new NodeKind("transform.limit", NodeKind.Category.TRANSFORM, 1, 1, List.of(
            OptionSpec.required("n", OptionKind.INTEGER, "How many rows: of each result table after an aggregation "
                    + "in complete mode, else of the whole stream (append mode)")),
            "Keeps the first n rows, as Spark's limit; not in update mode");

    private SortLimitPlan() {
    }

    static Optional<PlannedNode> sort(NodeContext context) {
        Schema input = context.inputSchema();
        List<String> texts = context.list("orderBy");
        if (texts.isEmpty()) {
            context.problem("orderBy", ErrorCode.MISSING_OPTION, "sort needs at least one expression to sort by");
        }
        List<SortOperator.Key> keys = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String option = Position.elementOption("orderBy", i);
            SortOrder order = SortOrder.parse(texts.get(i));
            Optional<CompiledExpression> key = context.expression(option, order.expression(), input);
            if (key.isPresent() && key.get().type() instanceof MapType) {
                context.problem(option, ErrorCode.TYPE_MISMATCH, "[DATATYPE_MISMATCH.INVALID_ORDERING_TYPE] cannot "
                        + "sort by '%s' of type %s: maps have no order", key.get().name(), key.get().type().sql());
            }
            key.ifPresent(k -> keys.add(new SortOperator.Key(k, order.ascending(), order.nullsFirst())));
        }
        if (context.hasProblems()) {
            return Optional.empty();
        }
        return Optional.of(new PlannedNode.TransformNode(new SortOperator(input, keys)));
    }

    static Optional<PlannedNode> limit(NodeContext context) {
        Optional<Long> n = context.integer("n", 0);
        if (n.isEmpty() || context.hasProblems()) {
            return Optional.empty();
        }
        return Optional.of(new PlannedNode.TransformNode(new LimitOperator(context.inputSchema(), n.get())));
    }
}
