package sluice.engine.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.operator.ChainOperator;
import sluice.engine.operator.FilterOperator;
import sluice.engine.operator.PartitionOperator;
import sluice.engine.operator.ProjectOperator;
import sluice.engine.operator.SortOperator;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.types.Schema;

/**
 * Spark's ResolveMissingReferences for {@code transform.filter} and {@code transform.sort}: a condition or sort key on
 * a column that a select above dropped is resolved by adding the column back to that select (and to the selects,
 * withColumns, filters, watermarks and dropDuplicates between), then projecting it away after the filter or sort. As
 * in Spark's analyzer the search goes up through one-input nodes that keep their input's columns (Spark's unary
 * nodes) and stops at any other node (an aggregation, whose output already holds all its grouping columns, a join, a
 * union, a source), whose own output is all that can resolve a name. When the nodes between work row by row, the
 * planned node reads from where the search stopped and does the widened selects itself; when a watermark or
 * dropDuplicates is among them, whose state belongs to its own node, those nodes are planned again in place with the
 * column added, which needs each of them to feed only the next (else the search stops there). Stateless.
 */
final class MissingReferences {
    /** The node types a missing column is searched through, as Spark's analyzer goes through Project and Filter. */
    private static final Set<String> THROUGH = Set.of("transform.select", "transform.withColumn", "transform.filter",
            "transform.watermark", "transform.dropDuplicates");
    /** The nodes of those that keep state (or the watermark) under their own node id: replanned in place. */
    private static final Set<String> STATEFUL = Set.of("transform.watermark", "transform.dropDuplicates");

    /** Plans one node against the given input schemas, its problems into the list. */
    interface NodePlanner {
        Optional<PlannedNode> plan(NodeSpec node, List<Schema> inputSchemas, List<Problem> problems);
    }

    /**
     * The filter or sort planned over {@code inputs}: the node it reads from and the chain it runs, and the nodes
     * above it planned again with the missing columns added ({@code replanned}, by node id, in plan order).
     */
    record Rewrite(List<String> inputs, PlannedNode node, Map<String, PlannedNode> replanned) {
        Rewrite {
            inputs = List.copyOf(inputs);
            replanned = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(replanned));
        }
    }

    private MissingReferences() {
    }

    /**
     * Whether a node's problems are ones this rewrite may cure: a filter's or sort's, unknown columns in its
     * condition or sort keys only.
     */
    static boolean mayResolve(NodeSpec node, List<Problem> problems) {
        String option = node.type().equals("transform.filter") ? "condition"
                : node.type().equals("transform.sort") ? "orderBy" : null;
        return option != null && !problems.isEmpty() && problems.stream().allMatch(p -> p.code()
                == ErrorCode.UNKNOWN_COLUMN && p.where().option() != null
                && option.equalsIgnoreCase(Position.baseOption(p.where().option())));
    }

    /**
     * The filter or sort rewritten over the nodes above it, or empty when its expressions do not resolve even with
     * every column they dropped (then the original problems stand, as Spark's UNRESOLVED_COLUMN does).
     */
    static Optional<Rewrite> resolve(NodeSpec filter, Map<String, NodeSpec> specs, Map<String, QueryPlan.Step> steps,
                                     NodePlanner planner) {
        List<NodeSpec> chain = new ArrayList<>();
        String base = filter.inputs().get(0);
        while (true) {
            NodeSpec spec = specs.get(base);
            QueryPlan.Step step = steps.get(base);
            // A node planned over other inputs than its own (rewritten itself) ends the search too.
            if (spec == null || step == null || !THROUGH.contains(spec.type()) || !step.inputs().equals(spec.inputs())
                    || spec.inputs().size() != 1) {
                break;
            }
            chain.add(0, spec);
            base = spec.inputs().get(0);
        }
        // First the row-by-row nodes below the last watermark or dropDuplicates, done inside the planned node.
        int stateful = chain.size() - 1;
        while (stateful >= 0 && !STATEFUL.contains(chain.get(stateful).type())) {
            stateful--;
        }
        if (stateful < chain.size() - 1) {
            String rowwiseBase = stateful < 0 ? base : chain.get(stateful).id();
            Optional<Rewrite> rowwise = collapse(filter, chain.subList(stateful + 1, chain.size()), rowwiseBase,
                    steps, planner);
            if (rowwise.isPresent() || stateful < 0) {
                return rowwise;
            }
        }
        // The nodes above the first select keep every column of their input: the search may start below them.
        while (!chain.isEmpty() && !chain.get(0).type().equals("transform.select")) {
            base = chain.remove(0).id();
        }
        if (chain.isEmpty() || steps.get(base) == null
                || chain.stream().anyMatch(spec -> consumers(specs, spec.id()) != 1)) {
            return Optional.empty();
        }
        return inPlace(filter, chain, steps.get(base).node().schema(), steps, planner);
    }

    /** The filter or sort reading from {@code base}, doing the row-by-row nodes of {@code chain} itself, widened. */
    private static Optional<Rewrite> collapse(NodeSpec filter, List<NodeSpec> chain, String base,
                                              Map<String, QueryPlan.Step> steps, NodePlanner planner) {
        if (chain.isEmpty() || steps.get(base) == null) {
            return Optional.empty();
        }
        Schema input = steps.get(base).node().schema();
        List<PartitionOperator> operators = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (NodeSpec spec : chain) {
            NodeSpec wide = widen(spec, input, steps.get(spec.id()).node().schema());
            Optional<PlannedNode> widened = planner.plan(wide, List.of(input), problems);
            if (widened.isEmpty() || !problems.isEmpty()
                    || !(widened.get() instanceof PlannedNode.TransformNode transform)
                    || !(transform.operator() instanceof PartitionOperator operator)) {
                return Optional.empty();
            }
            operators.add(operator);
            input = operator.schema();
        }
        Optional<PlannedNode> planned = planner.plan(filter, List.of(input), problems);
        if (planned.isEmpty() || !problems.isEmpty()
                || !(planned.get() instanceof PlannedNode.TransformNode transform)) {
            return Optional.empty();
        }
        // By name, in order: a withColumn just above adds its column after the ones brought back.
        Optional<ProjectOperator> kept = narrow(steps.get(filter.inputs().get(0)).node().schema(), input);
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        ProjectOperator narrow = kept.get();
        if (transform.operator() instanceof SortOperator sort) {
            return Optional.of(new Rewrite(List.of(base), new PlannedNode.TransformNode(
                    sort.around(new ChainOperator(operators), narrow)), Map.of()));
        }
        if (!(transform.operator() instanceof FilterOperator condition)) {
            return Optional.empty();
        }
        operators.add(condition);
        operators.add(narrow);
        return Optional.of(new Rewrite(List.of(base),
                new PlannedNode.TransformNode(new ChainOperator(operators)), Map.of()));
    }

    /**
     * The filter or sort over its own input, with the nodes of {@code chain} planned again in place over the columns
     * added back, then the added columns projected away.
     */
    private static Optional<Rewrite> inPlace(NodeSpec filter, List<NodeSpec> chain, Schema base,
                                             Map<String, QueryPlan.Step> steps, NodePlanner planner) {
        Map<String, PlannedNode> replanned = new java.util.LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        Schema input = base;
        for (NodeSpec spec : chain) {
            Schema before = steps.get(spec.inputs().get(0)).node().schema();
            NodeSpec wide = widen(keepKeys(spec, before), input, steps.get(spec.id()).node().schema());
            Optional<PlannedNode> widened = planner.plan(wide, List.of(input), problems);
            if (widened.isEmpty() || !problems.isEmpty()) {
                return Optional.empty();
            }
            replanned.put(spec.id(), widened.get());
            input = widened.get().schema();
        }
        Optional<PlannedNode> planned = planner.plan(filter, List.of(input), problems);
        if (planned.isEmpty() || !problems.isEmpty()
                || !(planned.get() instanceof PlannedNode.TransformNode transform)) {
            return Optional.empty();
        }
        Optional<ProjectOperator> narrow = narrow(steps.get(filter.inputs().get(0)).node().schema(), input);
        if (narrow.isEmpty()) {
            return Optional.empty();
        }
        List<String> inputs = List.of(filter.inputs().get(0));
        if (transform.operator() instanceof SortOperator sort) {
            return Optional.of(new Rewrite(inputs, new PlannedNode.TransformNode(
                    sort.around(identity(input), narrow.get())), replanned));
        }
        if (!(transform.operator() instanceof FilterOperator condition)) {
            return Optional.empty();
        }
        return Optional.of(new Rewrite(inputs, new PlannedNode.TransformNode(
                new ChainOperator(List.of(condition, narrow.get()))), replanned));
    }

    /**
     * The columns of {@code original}, by name and in order, taken from {@code input}, which has them and the
     * columns added back; empty when one is missing.
     */
    private static Optional<ProjectOperator> narrow(Schema original, Schema input) {
        List<ProjectOperator.Column> kept = new ArrayList<>();
        boolean[] used = new boolean[input.size()];
        for (int c = 0; c < original.size(); c++) {
            String name = original.field(c).name();
            int at = 0;
            while (at < input.size() && (used[at] || !input.field(at).name().equals(name))) {
                at++;
            }
            if (at == input.size()) {
                return Optional.empty();
            }
            used[at] = true;
            kept.add(ProjectOperator.Column.passThrough(name, at));
        }
        return Optional.of(new ProjectOperator(input, kept));
    }

    private static ProjectOperator identity(Schema input) {
        List<ProjectOperator.Column> all = new ArrayList<>();
        for (int c = 0; c < input.size(); c++) {
            all.add(ProjectOperator.Column.passThrough(input.field(c).name(), c));
        }
        return new ProjectOperator(input, all);
    }

    /**
     * A dropDuplicates of every column keyed by the columns it had before any was added back, as Spark's
     * Deduplicate keeps the keys it was resolved with.
     */
    private static NodeSpec keepKeys(NodeSpec spec, Schema before) {
        if (!spec.type().equals("transform.dropDuplicates")) {
            return spec;
        }
        String key = spec.options().keySet().stream().filter("columns"::equalsIgnoreCase).findFirst()
                .orElse("columns");
        if (spec.options().get(key) instanceof OptionValue.TextList list && !list.values().isEmpty()) {
            return spec;
        }
        return spec.withOption(key, new OptionValue.TextList(before.fields().stream()
                .map(field -> field.name()).toList()));
    }

    /** How many nodes read the output of {@code id}. */
    private static long consumers(Map<String, NodeSpec> specs, String id) {
        return specs.values().stream().filter(spec -> spec.inputs().contains(id)).count();
    }

    /**
     * A select with the columns of its input that its output lacks (by name, ignoring case) added at the end, as
     * Spark adds the missing attributes to a Project; withColumn and filter keep every input column already.
     */
    private static NodeSpec widen(NodeSpec spec, Schema input, Schema output) {
        if (!spec.type().equals("transform.select")) {
            return spec;
        }
        String key = spec.options().keySet().stream().filter("expressions"::equalsIgnoreCase).findFirst()
                .orElse("expressions");
        if (!(spec.options().get(key) instanceof OptionValue.TextList list)) {
            return spec;
        }
        List<String> expressions = new ArrayList<>(list.values());
        for (int c = 0; c < input.size(); c++) {
            String name = input.field(c).name();
            if (output.indexOf(name) < 0) {
                expressions.add("`" + name.replace("`", "``") + "`");
            }
        }
        return spec.withOption(key, new OptionValue.TextList(expressions));
    }
}
