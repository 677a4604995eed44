package sluice.engine.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.expr.CompiledExpression;
import sluice.engine.operator.FilterOperator;
import sluice.engine.operator.ProjectOperator;
import sluice.engine.operator.UnionOperator;
import sluice.engine.pipeline.NodeKind;
import sluice.engine.pipeline.OptionKind;
import sluice.engine.pipeline.OptionSpec;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Schema;

/** The transforms: the stateless select, withColumn, filter, union, and the stateful aggregate. */
final class TransformFactories {
    static final NodeKind SELECT = new NodeKind("transform.select", NodeKind.Category.TRANSFORM, 1, 1, List.of(
            OptionSpec.required("expressions", OptionKind.EXPRESSION_LIST,
                    "Spark SQL expressions, each optionally 'AS name'; '*' for every input column")),
            "Computes new columns from each row, as Spark's selectExpr");
    static final NodeKind WITH_COLUMN = new NodeKind("transform.withColumn", NodeKind.Category.TRANSFORM, 1, 1,
            List.of(OptionSpec.required("name", OptionKind.STRING, "Name of the column to add or replace"),
                    OptionSpec.required("expression", OptionKind.EXPRESSION, "Spark SQL expression for its value")),
            "Adds a column, or replaces the one of the same name, as Spark's withColumn");
    static final NodeKind FILTER = new NodeKind("transform.filter", NodeKind.Category.TRANSFORM, 1, 1, List.of(
            OptionSpec.required("condition", OptionKind.EXPRESSION,
                    "Spark SQL boolean expression; rows where it is false or null are dropped")),
            "Keeps the rows that match a condition, as Spark's filter");
    static final NodeKind AGGREGATE = new NodeKind("transform.aggregate", NodeKind.Category.TRANSFORM, 1, 1,
            List.of(OptionSpec.optional("groupBy", OptionKind.EXPRESSION_LIST, null,
                            "Spark SQL expressions to group by; none for one group of every row"),
                    OptionSpec.required("aggregations", OptionKind.AGGREGATION_LIST,
                            "Aggregate function calls, each optionally 'AS name', such as 'avg(Close) AS avg_close' "
                                    + "or 'count(*)'")),
            "Groups rows and aggregates each group over the whole stream, as Spark's groupBy().agg(); keeps state");
    static final NodeKind UNION = new NodeKind("transform.union", NodeKind.Category.TRANSFORM, 2, NodeKind.UNBOUNDED,
            List.of(), "Rows of all inputs, columns matched by position, as Spark's union");

    private TransformFactories() {
    }

    static List<NodeType> types() {
        return List.of(new NodeType(SELECT, TransformFactories::select),
                new NodeType(WITH_COLUMN, TransformFactories::withColumn),
                new NodeType(FILTER, TransformFactories::filter),
                new NodeType(UNION, TransformFactories::union),
                new NodeType(AGGREGATE, AggregatePlan::plan));
    }

    private static Optional<PlannedNode> select(NodeContext context) {
        Schema input = context.inputSchema();
        List<String> texts = context.list("expressions");
        if (texts.isEmpty()) {
            context.problem("expressions", ErrorCode.MISSING_OPTION, "select needs at least one expression");
            return Optional.empty();
        }
        List<ProjectOperator.Column> columns = new ArrayList<>();
        boolean failed = false;
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text.trim().equals("*")) {
                for (int c = 0; c < input.size(); c++) {
                    columns.add(ProjectOperator.Column.passThrough(input.field(c).name(), c));
                }
                continue;
            }
            Optional<CompiledExpression> compiled = context.expression(Position.elementOption("expressions", i), text, input);
            compiled.ifPresent(e -> columns.add(ProjectOperator.Column.computed(e.name(), e)));
            failed |= compiled.isEmpty();
        }
        return failed ? Optional.empty()
                : Optional.of(new PlannedNode.TransformNode(new ProjectOperator(input, columns)));
    }

    private static Optional<PlannedNode> withColumn(NodeContext context) {
        Schema input = context.inputSchema();
        Optional<String> name = context.string("name");
        Optional<CompiledExpression> expression = context.string("expression")
                .flatMap(text -> context.expression("expression", text, input));
        if (name.isEmpty() || expression.isEmpty()) {
            return Optional.empty();
        }
        List<ProjectOperator.Column> columns = new ArrayList<>();
        boolean replaced = false;
        for (int c = 0; c < input.size(); c++) {
            // Spark's withColumn replaces a column whose name matches ignoring case, keeping its position.
            if (input.field(c).name().equalsIgnoreCase(name.get())) {
                columns.add(ProjectOperator.Column.computed(name.get(), expression.get()));
                replaced = true;
            } else {
                columns.add(ProjectOperator.Column.passThrough(input.field(c).name(), c));
            }
        }
        if (!replaced) {
            columns.add(ProjectOperator.Column.computed(name.get(), expression.get()));
        }
        return Optional.of(new PlannedNode.TransformNode(new ProjectOperator(input, columns)));
    }

    private static Optional<PlannedNode> filter(NodeContext context) {
        Schema input = context.inputSchema();
        Optional<CompiledExpression> condition = context.string("condition")
                .flatMap(text -> context.expression("condition", text, input));
        if (condition.isEmpty()) {
            return Optional.empty();
        }
        if (condition.get().type() != AtomicType.BOOLEAN && condition.get().type() != AtomicType.NULL) {
            context.problem("condition", ErrorCode.TYPE_MISMATCH,
                    "the condition must be BOOLEAN, but '%s' is %s", condition.get().name(),
                    condition.get().type().sql());
            return Optional.empty();
        }
        return Optional.of(new PlannedNode.TransformNode(new FilterOperator(input, condition.get())));
    }

    private static Optional<PlannedNode> union(NodeContext context) {
        return UnionPlan.plan(context);
    }
}
