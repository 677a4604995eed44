package sluice.engine.plan;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import sluice.engine.aggregate.AggregateCall;
import sluice.engine.aggregate.AggregateCompiler;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.diag.SluiceException;
import sluice.engine.expr.ColumnPredicate;
import sluice.engine.expr.CompiledExpression;
import sluice.engine.expr.ExpressionCompiler;
import sluice.engine.expr.SchemaParser;
import sluice.engine.expr.SelectItem;
import sluice.engine.pipeline.DurationText;
import sluice.engine.pipeline.NodeKind;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.OptionSpec;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.types.Schema;

/**
 * Mutable, owned by the planning thread: one node's view of its options (typed, defaults applied, names matched
 * ignoring case as Spark's options are), its input schemas, and the list its problems go to.
 */
public final class NodeContext {
    private final NodeSpec node;
    private final NodeKind kind;
    private final List<Schema> inputSchemas;
    private final boolean inputsKnown;
    private final List<Boolean> inputsStreaming;
    private final PlanEnvironment environment;
    private final ExpressionCompiler compiler;
    private final List<Problem> problems;
    private final int problemsBefore;

    NodeContext(NodeSpec node, NodeKind kind, List<Schema> inputSchemas, PlanEnvironment environment,
                ExpressionCompiler compiler, List<Problem> problems) {
        this(node, kind, inputSchemas, true, inputSchemas.stream().map(s -> true).toList(), environment, compiler,
                problems);
    }

    /**
     * With {@code inputsKnown} false an input node is broken: the input schemas are empty stand-ins, expressions are
     * only parsed, and factories skip the checks that need the columns, so the node's other problems still show.
     */
    NodeContext(NodeSpec node, NodeKind kind, List<Schema> inputSchemas, boolean inputsKnown,
                List<Boolean> inputsStreaming, PlanEnvironment environment, ExpressionCompiler compiler,
                List<Problem> problems) {
        this.node = requireNonNull(node, "node is null");
        this.kind = requireNonNull(kind, "kind is null");
        this.inputSchemas = List.copyOf(inputSchemas);
        this.inputsKnown = inputsKnown;
        this.inputsStreaming = List.copyOf(inputsStreaming);
        this.environment = requireNonNull(environment, "environment is null");
        this.compiler = requireNonNull(compiler, "compiler is null");
        this.problems = requireNonNull(problems, "problems is null");
        this.problemsBefore = problems.size();
    }

    public String nodeId() {
        return node.id();
    }

    public List<Schema> inputSchemas() {
        return inputSchemas;
    }

    public Schema inputSchema() {
        return inputSchemas.get(0);
    }

    /** False when an input node is broken: its schema is unknown and checks against it are skipped. */
    public boolean inputsKnown() {
        return inputsKnown;
    }

    /** For each input, whether it is a stream (false: a static table, Spark's batch DataFrame). */
    public List<Boolean> inputsStreaming() {
        return inputsStreaming;
    }

    /** The compiler of this plan, for a factory that takes an expression apart (a join's condition). */
    ExpressionCompiler compiler() {
        return compiler;
    }

    public PlanEnvironment environment() {
        return environment;
    }

    public Position where(String option) {
        return Position.option(node.id(), option);
    }

    public void problem(String option, ErrorCode code, String format, Object... args) {
        problems.add(Problem.of(code, option == null ? Position.node(node.id()) : where(option), format, args));
    }

    public void problem(SluiceException e) {
        problems.add(e.locatedAt(Position.node(node.id())).problem());
    }

    /** Whether planning this node has reported a problem (earlier checks of the graph do not count). */
    public boolean hasProblems() {
        return problems.size() > problemsBefore;
    }

    private OptionSpec spec(String option) {
        return kind.option(option)
                .orElseThrow(() -> new IllegalArgumentException(kind.name() + " declares no option " + option));
    }

    private Optional<OptionValue> raw(String option) {
        for (Map.Entry<String, OptionValue> entry : node.options().entrySet()) {
            if (entry.getKey().toLowerCase(Locale.ROOT).equals(option.toLowerCase(Locale.ROOT))) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    /** Whether the node's options name {@code option} (any case), whatever its value; its default does not count. */
    public boolean isGiven(String option) {
        return raw(option).isPresent();
    }

    /** The option's text, its default when absent, or empty (a required one missing is already a problem). */
    public Optional<String> string(String option) {
        Optional<OptionValue> value = raw(option);
        if (value.isEmpty()) {
            return Optional.ofNullable(spec(option).defaultValue());
        }
        if (value.get() instanceof OptionValue.Text text) {
            return Optional.of(text.value());
        }
        problem(option, ErrorCode.BAD_OPTION_VALUE, "'%s' takes one string, not an array", option);
        return Optional.empty();
    }

    /** The option's values as a list; a single string counts as a list of one. */
    public List<String> list(String option) {
        Optional<OptionValue> value = raw(option);
        if (value.isEmpty()) {
            String fallback = spec(option).defaultValue();
            return fallback == null ? List.of() : List.of(fallback);
        }
        if (value.get() instanceof OptionValue.TextList list) {
            return list.values();
        }
        return List.of(((OptionValue.Text) value.get()).value());
    }

    /**
     * The options whose names start with {@code prefix}, ignoring its case, keyed by the rest of the name as written
     * ({@code kafka.security.protocol} gives {@code security.protocol}), in name order.
     */
    public java.util.SortedMap<String, String> withPrefix(String prefix) {
        java.util.SortedMap<String, String> found = new java.util.TreeMap<>();
        for (Map.Entry<String, OptionValue> entry : node.options().entrySet()) {
            String name = entry.getKey();
            if (name.length() > prefix.length() && name.regionMatches(true, 0, prefix, 0, prefix.length())
                    && entry.getValue() instanceof OptionValue.Text text) {
                found.put(name.substring(prefix.length()), text.value());
            }
        }
        return found;
    }

    public Optional<Long> integer(String option) {
        return string(option).flatMap(text -> {
            try {
                return Optional.of(Long.parseLong(text.trim()));
            } catch (NumberFormatException e) {
                problem(option, ErrorCode.BAD_OPTION_VALUE, "'%s' must be a whole number, not '%s'", option, text);
                return Optional.empty();
            }
        });
    }

    /** A whole number of at least {@code min}. */
    public Optional<Long> integer(String option, long min) {
        Optional<Long> value = integer(option);
        if (value.isPresent() && value.get() < min) {
            problem(option, ErrorCode.BAD_OPTION_VALUE, "'%s' must be at least %d, not %d", option, min, value.get());
            return Optional.empty();
        }
        return value;
    }

    public boolean bool(String option) {
        return string(option).map(text -> {
            String lower = text.trim().toLowerCase(Locale.ROOT);
            if (!lower.equals("true") && !lower.equals("false")) {
                problem(option, ErrorCode.BAD_OPTION_VALUE, "'%s' must be 'true' or 'false', not '%s'", option, text);
                return false;
            }
            return lower.equals("true");
        }).orElse(false);
    }

    public Optional<Duration> duration(String option) {
        return duration(option, DurationText::parse, DurationText::requirement);
    }

    /** A watermark's delay, months counted as Spark counts them ({@link DurationText#parseDelay}). */
    public Optional<Duration> delay(String option) {
        return duration(option, DurationText::parseDelay, DurationText::delayRequirement);
    }

    private Optional<Duration> duration(String option, Function<String, Optional<Duration>> parse,
                                        UnaryOperator<String> requirement) {
        return string(option).flatMap(text -> {
            Optional<Duration> parsed = parse.apply(text);
            if (parsed.isEmpty()) {
                problem(option, ErrorCode.BAD_OPTION_VALUE, "'%s' must be %s, not '%s'", option,
                        requirement.apply(text), text);
            }
            return parsed;
        });
    }

    /**
     * A path, resolved against the pipeline file's folder when relative. An empty one is a problem: resolved, it
     * would name that folder itself (Spark refuses an empty path too).
     */
    public Optional<Path> path(String option) {
        return string(option).flatMap(text -> {
            if (text.isBlank()) {
                problem(option, ErrorCode.BAD_OPTION_VALUE, "'%s' cannot be empty", option);
                return Optional.empty();
            }
            return Optional.of(environment.baseDir().resolve(text).normalize());
        });
    }

    public Optional<Schema> schema(String option) {
        return string(option).flatMap(text -> {
            try {
                return Optional.of(SchemaParser.parse(text, where(option)));
            } catch (SluiceException e) {
                problem(e);
                return Optional.empty();
            }
        });
    }

    /**
     * One select item compiled against {@code input}: a generator call or an expression; {@code option} names it in
     * problems. Empty without a problem when the inputs are unknown and the text parses.
     */
    public Optional<SelectItem> selectItem(String option, String text, Schema input) {
        try {
            if (!inputsKnown) {
                compiler.checkSyntax(text, where(option));
                return Optional.empty();
            }
            return Optional.of(compiler.compileSelectItem(text, input, where(option)));
        } catch (SluiceException e) {
            problem(e);
            return Optional.empty();
        }
    }

    /**
     * One aggregate function call compiled against {@code input}, optionally 'AS name'; {@code option} names it in
     * problems. Empty without a problem when the inputs are unknown and the text parses.
     */
    public Optional<AggregateCall> aggregateCall(String option, String text, Schema input) {
        try {
            if (!inputsKnown) {
                compiler.checkSyntax(text, where(option));
                return Optional.empty();
            }
            return Optional.of(new AggregateCompiler(compiler).compile(text, input, where(option)));
        } catch (SluiceException e) {
            problem(e);
            return Optional.empty();
        }
    }

    /** The parts of a compiled filter condition a source may skip data by (see {@link ColumnPredicate}). */
    public List<ColumnPredicate> pushablePredicates(String option, String text, Schema input) {
        return compiler.pushablePredicates(text, input, where(option));
    }

    /**
     * One expression compiled against {@code input}; {@code option} names it in problems. Empty without a problem
     * when the inputs are unknown and the text parses.
     */
    public Optional<CompiledExpression> expression(String option, String text, Schema input) {
        try {
            if (!inputsKnown) {
                compiler.checkSyntax(text, where(option));
                return Optional.empty();
            }
            return Optional.of(compiler.compile(text, input, where(option)));
        } catch (SluiceException e) {
            problem(e);
            return Optional.empty();
        }
    }
}
