package sluice.engine.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.expr.CompiledExpression;
import sluice.engine.expr.CompiledGenerator;
import sluice.engine.expr.SelectItem;
import sluice.engine.operator.DropDuplicatesOperator;
import sluice.engine.operator.FilterOperator;
import sluice.engine.operator.GenerateOperator;
import sluice.engine.operator.ProjectOperator;
import sluice.engine.operator.UnionOperator;
import sluice.engine.pipeline.NodeKind;
import sluice.engine.pipeline.OptionKind;
import sluice.engine.pipeline.OptionSpec;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Field;
import sluice.engine.types.Schema;

/**
 * The transforms: the stateless select, withColumn, filter, union, sort, limit, the stateful aggregate, dropDuplicates
 * and join, and the watermark.
 */
final class TransformFactories {
    static final NodeKind SELECT = new NodeKind("transform.select", NodeKind.Category.TRANSFORM, 1, 1, List.of(
            OptionSpec.required("expressions", OptionKind.EXPRESSION_LIST,
                    "Spark SQL expressions, each optionally 'AS name'; '*' for every input column; a generator "
                    + "such as explode(tags) makes a row for each element, named 'AS (a, b)' if it has several "
                    + "columns")),
            "Computes new columns from each row, as Spark's selectExpr");
    static final NodeKind WITH_COLUMN = new NodeKind("transform.withColumn", NodeKind.Category.TRANSFORM, 1, 1,
            List.of(OptionSpec.required("name", OptionKind.STRING, "Name of the column to add or replace"),
                    OptionSpec.required("expression", OptionKind.EXPRESSION,
                            "Spark SQL expression for its value; a generator of one column, such as explode(tags), "
                            + "makes a row for each element")),
            "Adds a column, or replaces the one of the same name, as Spark's withColumn");
    static final NodeKind FILTER = new NodeKind("transform.filter", NodeKind.Category.TRANSFORM, 1, 1, List.of(
            OptionSpec.required("condition", OptionKind.EXPRESSION,
                    "Spark SQL boolean expression; rows where it is false or null are dropped")),
            "Keeps the rows that match a condition, as Spark's filter");
    static final NodeKind AGGREGATE = new NodeKind("transform.aggregate", NodeKind.Category.TRANSFORM, 1, 1,
            List.of(OptionSpec.optional("groupBy", OptionKind.EXPRESSION_LIST, null,
                            "Spark SQL expressions to group by, window(ts, '10 minutes'[, slide[, start]]) for "
                                    + "event-time windows, or session_window(ts, gap) for sessions; none for one "
                                    + "group of every row"),
                    OptionSpec.required("aggregations", OptionKind.AGGREGATION_LIST,
                            "Aggregate function calls, each optionally 'AS name', such as 'avg(Close) AS avg_close' "
                                    + "or 'count(*)'")),
            "Groups rows and aggregates each group over the whole stream, as Spark's groupBy().agg(); keeps state");
    static final NodeKind WATERMARK = new NodeKind("transform.watermark", NodeKind.Category.TRANSFORM, 1, 1,
            List.of(OptionSpec.required("eventTime", OptionKind.STRING, "The TIMESTAMP column that holds event time"),
                    OptionSpec.required("delayThreshold", OptionKind.DELAY,
                            "How late a row may come, such as '10 minutes' or '1 month' (31 days): the watermark is "
                                    + "the latest event time seen minus this")),
            "Sets the event-time watermark, as Spark's withWatermark; stateful operators after it drop rows behind "
                    + "it and forget state behind it");
    static final NodeKind DROP_DUPLICATES = new NodeKind("transform.dropDuplicates", NodeKind.Category.TRANSFORM, 1,
            1, List.of(OptionSpec.optional("columns", OptionKind.STRING_LIST, null,
                    "Names of the columns that make a duplicate; none for all columns"),
                    OptionSpec.optional("withinWatermark", OptionKind.BOOLEAN, "false",
                            "Forget a key once the watermark passes its first row's event time plus the delay, as "
                                    + "Spark's dropDuplicatesWithinWatermark (needs a transform.watermark above)")),
            "Drops rows whose columns equal an earlier row's, keeping the first, as Spark's dropDuplicates; keeps "
                    + "every key in its state until a watermark evicts it");
    static final NodeKind UNION = new NodeKind("transform.union", NodeKind.Category.TRANSFORM, 2, NodeKind.UNBOUNDED,
            List.of(), "Rows of all inputs, columns matched by position, as Spark's union");

    private TransformFactories() {
    }

    static List<NodeType> types() {
        return List.of(new NodeType(SELECT, TransformFactories::select),
                new NodeType(WITH_COLUMN, TransformFactories::withColumn),
                new NodeType(FILTER, TransformFactories::filter),
                new NodeType(UNION, TransformFactories::union),
                new NodeType(AGGREGATE, AggregatePlan::plan),
                new NodeType(WATERMARK, WatermarkPlan::plan),
                new NodeType(JoinPlan.KIND, JoinPlan::plan),
                new NodeType(DROP_DUPLICATES, TransformFactories::dropDuplicates),
                new NodeType(SortLimitPlan.SORT, SortLimitPlan::sort),
                new NodeType(SortLimitPlan.LIMIT, SortLimitPlan::limit));
    }

    /** Spark's {@code dropDuplicates(columns)}: each name resolved among the input's columns, ignoring case. */
    private static Optional<PlannedNode> dropDuplicates(NodeContext context) {
        Schema input = context.inputSchema();
        List<String> names = context.list("columns");
        if (!context.inputsKnown()) {
            // The input is broken: its columns are not known, and its own problem says why.
            return Optional.empty();
        }
        List<Integer> keys = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            int index = input.indexOf(names.get(i).trim());
            if (index < 0) {
                context.problem(Position.elementOption("columns", i), ErrorCode.UNKNOWN_COLUMN,
                        "cannot resolve column name '%s' among (%s)", names.get(i).trim(),
                        String.join(", ", input.fields().stream().map(Field::name).toList()));
            } else if (!keys.contains(index)) {
                keys.add(index);
            }
        }
        if (names.isEmpty()) {
            IntStream.range(0, input.size()).forEach(keys::add);
        }
        if (context.hasProblems()) {
            return Optional.empty();
        }
        return Optional.of(new PlannedNode.TransformNode(new DropDuplicatesOperator(input,
                keys.stream().mapToInt(Integer::intValue).toArray(), context.bool("withinWatermark"))));
    }

    private static Optional<PlannedNode> select(NodeContext context) {
        Schema input = context.inputSchema();
        List<String> texts = context.list("expressions");
        if (texts.isEmpty()) {
            context.problem("expressions", ErrorCode.MISSING_OPTION, "select needs at least one expression");
            return Optional.empty();
        }
        List<GenerateOperator.Output> outputs = new ArrayList<>();
        List<CompiledGenerator> generators = new ArrayList<>();
        boolean failed = false;
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text.trim().equals("*")) {
                for (int c = 0; c < input.size(); c++) {
                    outputs.add(new GenerateOperator.Output.Input(input.field(c).name(), c));
                }
                continue;
            }
            Optional<SelectItem> item = context.selectItem(Position.elementOption("expressions", i), text, input);
            failed |= item.isEmpty();
            if (item.isPresent() && item.get() instanceof SelectItem.Generator generator) {
                List<Field> made = generator.generator().output();
                for (int f = 0; f < made.size(); f++) {
                    outputs.add(new GenerateOperator.Output.Generated(made.get(f).name(), generators.size(), f));
                }
                generators.add(generator.generator());
            } else if (item.isPresent() && item.get() instanceof SelectItem.Scalar scalar) {
                outputs.add(new GenerateOperator.Output.Computed(scalar.expression().name(), scalar.expression()));
            }
        }
        if (failed) {
            return Optional.empty();
        }
        return Optional.of(new PlannedNode.TransformNode(generators.isEmpty() ? new ProjectOperator(input,
                outputs.stream().map(TransformFactories::projected).toList())
                : new GenerateOperator(input, generators, outputs)));
    }

    private static ProjectOperator.Column projected(GenerateOperator.Output output) {
        if (output instanceof GenerateOperator.Output.Input column) {
            return ProjectOperator.Column.passThrough(column.name(), column.index());
        }
        GenerateOperator.Output.Computed computed = (GenerateOperator.Output.Computed) output;
        return ProjectOperator.Column.computed(computed.name(), computed.expression());
    }

    /**
     * Spark's withColumn, a select of every column with this one replaced or added; a generator may be the value, as
     * Spark's DataFrame API allows, if it makes one column.
     */
    private static Optional<PlannedNode> withColumn(NodeContext context) {
        Schema input = context.inputSchema();
        Optional<String> name = context.string("name");
        Optional<SelectItem> item = context.string("expression")
                .flatMap(text -> context.selectItem("expression", text, input));
        if (name.isEmpty() || item.isEmpty()) {
            return Optional.empty();
        }
        GenerateOperator.Output value;
        List<CompiledGenerator> generators = new ArrayList<>();
        if (item.get() instanceof SelectItem.Generator generator) {
            if (generator.generator().output().size() != 1) {
                context.problem("expression", ErrorCode.UNSUPPORTED_GENERATOR,
                        "%s makes %d columns but withColumn names one; use transform.select with AS (...) instead",
                        generator.generator().sql(), generator.generator().output().size());
                return Optional.empty();
            }
            generators.add(generator.generator());
            value = new GenerateOperator.Output.Generated(name.get(), 0, 0);
        } else {
            value = new GenerateOperator.Output.Computed(name.get(), ((SelectItem.Scalar) item.get()).expression());
        }
        List<GenerateOperator.Output> outputs = new ArrayList<>();
        boolean replaced = false;
        for (int c = 0; c < input.size(); c++) {
            // Spark's withColumn replaces a column whose name matches ignoring case, keeping its position.
            if (input.field(c).name().equalsIgnoreCase(name.get())) {
                outputs.add(value);
                replaced = true;
            } else {
                outputs.add(new GenerateOperator.Output.Input(input.field(c).name(), c));
            }
        }
        if (!replaced) {
            outputs.add(value);
        }
        return Optional.of(new PlannedNode.TransformNode(generators.isEmpty() ? new ProjectOperator(input,
                outputs.stream().map(TransformFactories::projected).toList())
                : new GenerateOperator(input, generators, outputs)));
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
        return Optional.of(new PlannedNode.TransformNode(new FilterOperator(input, condition.get(),
                context.pushablePredicates("condition", context.string("condition").orElseThrow(), input))));
    }

    private static Optional<PlannedNode> union(NodeContext context) {
        return UnionPlan.plan(context);
    }
}
