package sluice.engine.plan;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import sluice.engine.diag.ControlCharacters;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.diag.Suggestion;
import sluice.engine.expr.ExpressionCompiler;
import sluice.engine.pipeline.NodeKind;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.OptionKind;
import sluice.engine.pipeline.OptionSpec;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.types.Schema;

/**
 * Checks a pipeline and plans it: graph structure, option names and values, then each node's factory in topological
 * order with its inputs' schemas. Returns every problem at once: a node whose input failed is checked without its
 * input's columns (those problems wait for the input to be fixed), so one mistake neither echoes down the graph nor
 * hides the problems after it. Stateless apart from its catalog; any thread.
 */
public final class Planner {
    private final NodeCatalog catalog;

    public Planner(NodeCatalog catalog) {
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    /** The outcome: the plan when there are no problems, else null, plus the schemas resolved so far. */
    public record Result(QueryPlan plan, List<Problem> problems, Map<String, Schema> schemas) {
        public Result {
            problems = List.copyOf(problems);
            schemas = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(schemas));
        }

        public boolean isValid() {
            return problems.isEmpty();
        }
    }

    public Result plan(PipelineSpec spec, PlanEnvironment environment) {
        List<Problem> problems = new ArrayList<>();
        Map<String, NodeSpec> byId = new LinkedHashMap<>();
        for (NodeSpec node : spec.nodes()) {
            if (byId.putIfAbsent(node.id(), node) != null) {
                problems.add(Problem.of(ErrorCode.DUPLICATE_NODE_ID, Position.node(node.id()),
                        "two nodes have the id '%s'; ids must be unique", node.id()));
            }
            if (ControlCharacters.contains(node.id())) {
                // Ids are printed in one-line messages, logs and scripts: one with a newline could forge a line.
                problems.add(Problem.of(ErrorCode.INVALID_NODE_ID, Position.node(node.id()),
                        "node id '%s' holds a control character; use letters, digits and signs such as '-'",
                        node.id()));
            }
        }
        Map<String, NodeType> types = new LinkedHashMap<>();
        InputSuggestions suggestions = new InputSuggestions(byId.keySet());
        for (NodeSpec node : byId.values()) {
            checkNode(node, byId, suggestions, problems).ifPresent(type -> types.put(node.id(), type));
        }
        List<NodeSpec> order = GraphOrder.topological(byId, problems);
        // A sink with a mistake in it is still a sink: "no sink" would send the person looking for the wrong thing.
        if (spec.nodes().stream().noneMatch(n -> catalog.type(n.type())
                .filter(t -> t.kind().category() == NodeKind.Category.SINK).isPresent())
                && !spec.nodes().isEmpty()) {
            problems.add(Problem.of(ErrorCode.NO_SINK, Position.NOWHERE,
                    "the pipeline has no sink; add one (such as sink.console) so its rows go somewhere"));
        }
        if (spec.nodes().isEmpty()) {
            problems.add(Problem.of(ErrorCode.NO_SINK, Position.NOWHERE, "the pipeline has no nodes"));
        }

        ExpressionCompiler compiler = new ExpressionCompiler(environment.zone());
        Map<String, PlannedNode> planned = new LinkedHashMap<>();
        Map<String, Boolean> streaming = new HashMap<>();
        List<QueryPlan.Step> steps = new ArrayList<>();
        Map<String, QueryPlan.Step> stepsById = new HashMap<>();
        for (NodeSpec node : order) {
            NodeType type = types.get(node.id());
            if (type == null) {
                continue;
            }
            // A node after a broken one is still planned, against empty stand-in schemas, for the problems that do
            // not need its input's columns; it is never part of the plan.
            boolean inputsKnown = node.inputs().stream().allMatch(planned::containsKey);
            List<Schema> inputSchemas = node.inputs().stream()
                    .map(id -> inputsKnown ? planned.get(id).schema() : Schema.EMPTY).toList();
            List<Boolean> inputsStreaming = node.inputs().stream()
                    .map(id -> streaming.getOrDefault(id, true)).toList();
            List<Problem> found = new ArrayList<>();
            NodeContext context = new NodeContext(node, type.kind(), inputSchemas, inputsKnown, inputsStreaming,
                    environment, compiler, found);
            Optional<PlannedNode> made = type.factory().plan(context);
            List<String> inputs = node.inputs();
            if (inputsKnown && MissingReferences.mayResolve(node, found)) {
                Optional<MissingReferences.Rewrite> rewrite = MissingReferences.resolve(node, byId, stepsById,
                        (above, schemas, into) -> types.get(above.id()).factory().plan(new NodeContext(above,
                                types.get(above.id()).kind(), schemas, true, List.of(streaming.getOrDefault(
                                        above.inputs().get(0), true)), environment, compiler, into)));
                if (rewrite.isPresent()) {
                    found.clear();
                    made = Optional.of(rewrite.get().node());
                    inputs = rewrite.get().inputs();
                    rewrite.get().replanned().forEach((id, again) -> {
                        QueryPlan.Step before = stepsById.get(id);
                        QueryPlan.Step after = new QueryPlan.Step(id, before.type(), before.inputs(), again);
                        steps.set(steps.indexOf(before), after);
                        stepsById.put(id, after);
                        planned.put(id, again);
                    });
                }
            }
            problems.addAll(found);
            if (inputsKnown && made.isPresent() && found.isEmpty()
                    && StaticInputCheck.check(node, type.kind(), made.get(), inputsStreaming, problems)) {
                // A source is a stream; a static table takes no input and is not; anything else is a stream when
                // one of its inputs is, as Spark's isStreaming.
                streaming.put(node.id(), made.get() instanceof PlannedNode.SourceNode
                        || inputsStreaming.contains(true));
                planned.put(node.id(), made.get());
                QueryPlan.Step step = new QueryPlan.Step(node.id(), node.type(), inputs, made.get());
                steps.add(step);
                stepsById.put(node.id(), step);
            }
        }
        QueryNameCheck.check(spec.nodes(), problems);
        OutputModeCheck.check(steps, problems);
        DeduplicateWatermarks.apply(steps, problems);
        StreamJoinWatermarks.apply(steps, problems);
        StreamJoinModeCheck.check(steps, problems);
        if (problems.isEmpty()) {
            OutputModeCheck.streamLimits(steps);
        }
        if (problems.isEmpty() && environment.pruneColumns()) {
            ColumnPruning.apply(steps);
            FilterPushdown.apply(steps);
        }
        Map<String, Schema> schemas = new LinkedHashMap<>();
        planned.forEach((id, node) -> schemas.put(id, node.schema()));
        return new Result(problems.isEmpty() ? new QueryPlan(spec, steps) : null, problems, schemas);
    }

    private Optional<NodeType> checkNode(NodeSpec node, Map<String, NodeSpec> byId, InputSuggestions suggestions,
                                         List<Problem> problems) {
        Optional<NodeType> found = catalog.type(node.type());
        if (found.isEmpty()) {
            if (!node.type().isBlank()) {
                problems.add(Problem.of(ErrorCode.UNKNOWN_NODE_TYPE, Position.option(node.id(), "type"),
                        "unknown node type '%s'%s", node.type(), Suggestion.didYouMean(node.type(), catalog.names())));
            }
            return Optional.empty();
        }
        NodeKind kind = found.get().kind();
        int before = problems.size();
        checkInputs(node, kind, byId, suggestions, problems);
        checkOptions(node, kind, problems);
        // An unknown option is ignored (it is reported), so the node is still planned and the problems further
        // down the graph are found in the same pass.
        boolean onlyUnknownOptions = problems.subList(before, problems.size()).stream()
                .allMatch(p -> p.code() == ErrorCode.UNKNOWN_OPTION);
        return onlyUnknownOptions ? found : Optional.empty();
    }

    private static void checkInputs(NodeSpec node, NodeKind kind, Map<String, NodeSpec> byId,
                                    InputSuggestions suggestions, List<Problem> problems) {
        for (String input : node.inputs()) {
            if (!byId.containsKey(input)) {
                problems.add(Problem.of(ErrorCode.UNKNOWN_INPUT, Position.option(node.id(), "inputs"),
                        "input '%s' is not a node of this pipeline%s", input, suggestions.didYouMean(input)));
            }
        }
        int count = node.inputs().size();
        if (count >= kind.minInputs() && count <= kind.maxInputs()) {
            return;
        }
        if (kind.category() == NodeKind.Category.SINK && count == 0) {
            problems.add(Problem.of(ErrorCode.SINK_WITHOUT_INPUT, Position.option(node.id(), "inputs"),
                    "sink has no input; connect a source or transform to it"));
        } else if (kind.category() == NodeKind.Category.SOURCE) {
            problems.add(Problem.of(ErrorCode.WRONG_INPUT_COUNT, Position.option(node.id(), "inputs"),
                    "a source takes no inputs, but %d are connected", count));
        } else {
            String expected = kind.maxInputs() == NodeKind.UNBOUNDED ? "at least " + kind.minInputs()
                    : kind.minInputs() == kind.maxInputs() ? "exactly " + kind.minInputs()
                    : kind.minInputs() + " to " + kind.maxInputs();
            problems.add(Problem.of(ErrorCode.WRONG_INPUT_COUNT, Position.option(node.id(), "inputs"),
                    "%s takes %s input%s, but %d %s connected", kind.name(), expected,
                    kind.maxInputs() == 1 ? "" : "s", count, count == 1 ? "is" : "are"));
        }
    }

    private static void checkOptions(NodeSpec node, NodeKind kind, List<Problem> problems) {
        List<String> known = kind.options().stream().filter(o -> !o.isPrefix()).map(OptionSpec::name).toList();
        Map<String, String> given = new HashMap<>();
        for (String name : node.options().keySet()) {
            String first = given.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            if (first != null) {
                // Spark's options ignore case, so these name one option, and which one wins is not obvious.
                problems.add(Problem.of(ErrorCode.BAD_OPTION_VALUE, Position.option(node.id(), name),
                        "option '%s' is set twice, also as '%s'; option names ignore case", name, first));
            }
            if (kind.options().stream().noneMatch(o -> o.matches(name))) {
                problems.add(Problem.of(ErrorCode.UNKNOWN_OPTION, Position.option(node.id(), name),
                        "%s has no option '%s'%s", kind.name(), name, Suggestion.didYouMean(name, known)));
            }
        }
        for (OptionSpec option : kind.options()) {
            if (option.required() && (!given.containsKey(option.name().toLowerCase(Locale.ROOT))
                    || isBlankExpression(option, node))) {
                problems.add(Problem.of(ErrorCode.MISSING_OPTION, Position.option(node.id(), option.name()),
                        "required option '%s' is missing: %s", option.name(), option.description()));
            }
        }
        node.options().forEach((name, value) -> kind.options().stream()
                .filter(o -> o.matches(name)).findFirst()
                .ifPresent(option -> OptionValueCheck.check(node.id(), option, value, problems)));
    }

    /**
     * The workbench removes an expression option the person empties, so an empty one in a file gets the same
     * message as a missing one: the window and the command line say the same thing about the same mistake.
     */
    private static boolean isBlankExpression(OptionSpec option, NodeSpec node) {
        return option.kind() == OptionKind.EXPRESSION && node.options().entrySet().stream()
                .anyMatch(e -> option.matches(e.getKey()) && e.getValue() instanceof OptionValue.Text text
                        && text.value().isBlank());
    }
}
