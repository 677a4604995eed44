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
 * withColumns and filters between), then projecting it away after the filter or sort. As in Spark's analyzer the
 * search goes up through one-input nodes that work row by row and stops at any other node (an aggregation, whose
 * output already holds all its grouping columns, a join, a union, a watermark, a source), whose own output is all
 * that can resolve a name. The planned node then reads from where the search stopped and does the widened selects
 * itself. Stateless.
 */
final class MissingReferences {
    /** The node types a missing column is searched through, as Spark's analyzer goes through Project and Filter. */
    private static final Set<String> THROUGH = Set.of("transform.select", "transform.withColumn", "transform.filter");

    /** Plans one node against the given input schemas, its problems into the list. */
    interface NodePlanner {
        Optional<PlannedNode> plan(NodeSpec node, List<Schema> inputSchemas, List<Problem> problems);
    }

    /** The filter or sort planned over {@code inputs}: the node it reads from and the chain it runs. */
    record Rewrite(List<String> inputs, PlannedNode node) {
        Rewrite {
            inputs = List.copyOf(inputs);
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
        Schema original = steps.get(filter.inputs().get(0)).node().schema();
        // By name, in order: a withColumn just above adds its column after the ones brought back.
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
        ProjectOperator narrow = new ProjectOperator(input, kept);
        if (transform.operator() instanceof SortOperator sort) {
            return Optional.of(new Rewrite(List.of(base), new PlannedNode.TransformNode(
                    sort.around(new ChainOperator(operators), narrow))));
        }
        if (!(transform.operator() instanceof FilterOperator condition)) {
            return Optional.empty();
        }
        operators.add(condition);
        operators.add(narrow);
        return Optional.of(new Rewrite(List.of(base),
                new PlannedNode.TransformNode(new ChainOperator(operators))));
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
