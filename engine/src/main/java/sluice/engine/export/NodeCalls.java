package sluice.engine.export;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.export.SparkProgram.Arg;
import sluice.engine.export.SparkProgram.Call;
import sluice.engine.export.SparkProgram.Number;
import sluice.engine.export.SparkProgram.SortKey;
import sluice.engine.export.SparkProgram.SqlExpression;
import sluice.engine.export.SparkProgram.Text;
import sluice.engine.export.SparkProgram.TextList;
import sluice.engine.export.SparkProgram.Variable;
import sluice.engine.expr.parse.SortOrder;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.OptionValue;

/**
 * The Spark calls of one node type at a time: sources become {@code readStream} chains, transforms the matching
 * Dataset methods, sinks {@code writeStream} chains up to {@code start()}. Options are read ignoring case, as the
 * engine and Spark read them, and passed on as written, in file order. Sinks' trigger and checkpoint calls are added
 * by {@link ScriptExporter}, which knows the whole pipeline.
 */
final class NodeCalls {
    /** The calls and the comment lines (besides the node's own line) of one node. */
    record Chain(List<Call> calls, List<String> notes) {
        Chain {
            calls = List.copyOf(calls);
            notes = List.copyOf(notes);
        }
    }

    private final NodeSpec node;
    private final VariableNames names;
    private final Path baseDir;
    private final List<Call> calls = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private NodeCalls(NodeSpec node, VariableNames names, Path baseDir) {
        this.node = requireNonNull(node, "node is null");
        this.names = requireNonNull(names, "names is null");
        this.baseDir = requireNonNull(baseDir, "baseDir is null");
    }

    /** The chain of {@code node}; a type without a Spark counterpart is a problem naming the node. */
    static Chain of(NodeSpec node, VariableNames names, Path baseDir) {
        NodeCalls chain = new NodeCalls(node, names, baseDir);
        switch (node.type()) {
            case "source.rate" -> chain.plainSource("rate");
            case "source.socket" -> chain.plainSource("socket");
            case "source.file" -> chain.fileSource();
            case "source.kafka" -> chain.plainSource("kafka");
            case "transform.select" -> chain.call("selectExpr",
                    chain.list("expressions").stream().map(e -> (Arg) new Text(e)).toList());
            case "transform.withColumn" -> chain.calls.add(Call.of("withColumn", new Text(chain.text("name")),
                    new SqlExpression(chain.text("expression"))));
            case "transform.filter" -> chain.calls.add(Call.of("filter", new Text(chain.text("condition"))));
            case "transform.union" -> chain.union();
            case "transform.aggregate" -> chain.aggregate();
            case "transform.watermark" -> chain.calls.add(Call.of("withWatermark",
                    new Text(chain.text("eventTime").trim()), new Text(chain.text("delayThreshold").trim())));
            case "transform.join" -> chain.join();
            case "transform.dropDuplicates" -> chain.dropDuplicates();
            case "transform.sort" -> chain.call("orderBy", chain.list("orderBy").stream()
                    .map(text -> (Arg) sortKey(SortOrder.parse(text))).toList());
            case "transform.limit" -> chain.call("limit",
                    List.of(new Number(Long.parseLong(chain.text("n").trim()))));
            case "sink.console" -> chain.sink("console", Set.of());
            case "sink.noop" -> chain.sink("noop", Set.of());
            case "sink.file" -> chain.fileSink();
            case "sink.kafka" -> chain.sink("kafka", Set.of());
            case "sink.memory" -> chain.memorySink();
            case "sink.table", "sink.chart" -> chain.viewSink();
            default -> throw Problem.of(ErrorCode.UNKNOWN_NODE_TYPE, Position.node(node.id()),
                    "node type '%s' has no Spark counterpart to export to yet", node.type()).toException();
        }
        return new Chain(chain.calls, chain.notes);
    }

    private void plainSource(String format) {
        calls.add(Call.of("format", new Text(format)));
        passOptions(Set.of());
        calls.add(Call.of("load"));
    }

    private void fileSource() {
        calls.add(Call.of("format", new Text(text("format").trim().toLowerCase(Locale.ROOT))));
        passOptions(Set.of("path", "format", "schema", "schemaInference", "static", "sourceArchiveDir", "basePath"));
        for (String folder : List.of("sourceArchiveDir", "basePath")) {
            if (optional(folder).filter(dir -> !dir.isBlank()).isPresent()) {
                // Resolved as the engine resolves it; Spark would take a relative folder from where it runs.
                calls.add(Call.of("option", new Text(folder), new Text(path(folder).toString())));
            }
        }
        optional("schema").ifPresent(schema -> calls.add(Call.of("schema", new Text(schema))));
        boolean table = optional("static").map(v -> v.trim().equalsIgnoreCase("true")).orElse(false);
        if (optional("schema").isEmpty() && !"text".equalsIgnoreCase(text("format").trim())) {
            notes.add(table ? "No schema: spark.read infers it from the files"
                    : "No schema: Spark infers it from the files present at start, as "
                    + "spark.sql.streaming.schemaInference says");
        }
        if (table) {
            notes.add("A static table: read once with spark.read, joined with a stream");
        }
        Path folder = path("path");
        notes.add("Reads " + CommentText.clean(folder.toString()) + " (the pipeline's '"
                + CommentText.clean(text("path")) + "', resolved against the pipeline file's folder)");
        calls.add(Call.of("load", new Text(folder.toString())));
    }

    /** Spark's {@code groupBy(keys).agg(aggregations)}, the expressions passed through as Spark SQL. */
    private void aggregate() {
        List<String> keys = raw("groupBy").isPresent() ? list("groupBy") : List.of();
        call("groupBy", keys.stream().map(e -> (Arg) new SqlExpression(e)).toList());
        call("agg", list("aggregations").stream().map(e -> (Arg) new SqlExpression(e)).toList());
    }

    /**
     * Spark's {@code left.join(right, on, how)}: a condition as a Column, using columns as a list of names; neither
     * is a condition that is always true (Spark's join of every pair).
     */
    private void join() {
        Variable right = new Variable(names.of(node.inputs().get(1)));
        Text how = new Text(optional("how").orElse("inner").trim());
        Optional<String> on = optional("on").filter(text -> !text.isBlank());
        if (raw("usingColumns").isPresent()) {
            calls.add(Call.of("join", right, new SparkProgram.TextList(list("usingColumns")), how));
        } else {
            calls.add(Call.of("join", right, new SqlExpression(on.orElse("true")), how));
        }
    }

    /**
     * {@code dropDuplicates()} for all columns, else one list: {@code dropDuplicates(["a", "b"])} in both APIs; the
     * same with {@code dropDuplicatesWithinWatermark}.
     */
    private void dropDuplicates() {
        List<String> columns = raw("columns").isPresent() ? list("columns") : List.of();
        boolean within = optional("withinWatermark").map(v -> v.trim().equalsIgnoreCase("true")).orElse(false);
        call(within ? "dropDuplicatesWithinWatermark" : "dropDuplicates", columns.isEmpty() ? List.of()
                : List.of(new TextList(columns.stream().map(String::trim).toList())));
    }

    /** Spark's Column method for the order: asc, desc, or with the nulls placed apart from the default. */
    private static SortKey sortKey(SortOrder order) {
        String method = order.ascending() ? "asc" : "desc";
        if (order.nullsFirst() != order.ascending()) {
            method += order.nullsFirst() ? "_nulls_first" : "_nulls_last";
        }
        return new SortKey(order.expression(), method);
    }

    private void union() {
        for (String other : node.inputs().subList(1, node.inputs().size())) {
            calls.add(Call.of("union", new Variable(names.of(other))));
        }
    }

    private void sink(String format, Set<String> handled) {
        calls.add(Call.of("format", new Text(format)));
        calls.add(Call.of("outputMode", new Text(optional("outputMode").orElse("append").trim()
                .toLowerCase(Locale.ROOT))));
        Set<String> skip = new java.util.HashSet<>(handled);
        skip.add("outputMode");
        passOptions(skip);
    }

    private void fileSink() {
        sink(text("format").trim().toLowerCase(Locale.ROOT), Set.of("path", "format", "partitionBy"));
        Path folder = path("path");
        calls.add(Call.of("option", new Text("path"), new Text(folder.toString())));
        if (raw("partitionBy").isPresent()) {
            call("partitionBy", list("partitionBy").stream().map(c -> (Arg) new Text(c.trim())).toList());
        }
    }

    private void memorySink() {
        sink("memory", Set.of("queryName"));
        calls.add(Call.of("queryName", new Text(text("queryName"))));
    }

    /** Table and chart sinks draw in the workbench; Spark's nearest thing keeps the rows in a memory table. */
    private void viewSink() {
        Set<String> viewOnly = node.type().equals("sink.table") ? Set.of("maxBatches")
                : Set.of("x", "y", "series", "kind", "maxPoints");
        calls.add(Call.of("format", new Text("memory")));
        calls.add(Call.of("outputMode", new Text(optional("outputMode").orElse("append").trim()
                .toLowerCase(Locale.ROOT))));
        String queryName = names.of(node.id());
        calls.add(Call.of("queryName", new Text(queryName)));
        notes.add("Sluice's workbench draws this sink; on Spark it is the memory sink: query it with "
                + "spark.table('" + queryName + "')");
        List<String> dropped = new ArrayList<>();
        for (Map.Entry<String, OptionValue> option : node.options().entrySet()) {
            if (viewOnly.stream().anyMatch(o -> o.equalsIgnoreCase(option.getKey()))) {
                dropped.add(option.getKey() + "=" + describe(option.getValue()));
            }
        }
        if (!dropped.isEmpty()) {
            notes.add(CommentText.clean("Workbench-only options left out: " + String.join(", ", dropped)));
        }
    }

    private static String describe(OptionValue value) {
        if (value instanceof OptionValue.Text text) {
            return text.value();
        } else if (value instanceof OptionValue.TextList list) {
            return "[" + String.join(", ", list.values()) + "]";
        }
        throw new AssertionError(value);
    }

    private void call(String method, List<Arg> args) {
        calls.add(new Call(method, args));
    }

    /** Every option not in {@code handled}, as {@code .option(name, value)}, in file order. */
    private void passOptions(Set<String> handled) {
        for (Map.Entry<String, OptionValue> option : node.options().entrySet()) {
            if (handled.stream().anyMatch(h -> h.equalsIgnoreCase(option.getKey()))) {
                continue;
            }
            if (!(option.getValue() instanceof OptionValue.Text value)) {
                throw new IllegalStateException("a checked pipeline has no list in option " + option.getKey()
                        + " of " + node.id());
            }
            calls.add(Call.of("option", new Text(option.getKey()), new Text(value.value())));
        }
    }

    private Optional<OptionValue> raw(String option) {
        return node.options().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(option))
                .map(Map.Entry::getValue).findFirst();
    }

    Optional<String> optional(String option) {
        return raw(option).map(value -> {
            if (value instanceof OptionValue.Text text) {
                return text.value();
            }
            throw new IllegalStateException("a checked pipeline has no list in option " + option + " of "
                    + node.id());
        });
    }

    private String text(String option) {
        return optional(option).orElseThrow(() -> new IllegalStateException(
                "a checked pipeline has option " + option + " in " + node.id()));
    }

    private List<String> list(String option) {
        OptionValue value = raw(option).orElseThrow(() -> new IllegalStateException(
                "a checked pipeline has option " + option + " in " + node.id()));
        return value instanceof OptionValue.TextList values ? values.values()
                : List.of(((OptionValue.Text) value).value());
    }

    /** A file sink's output folder, resolved as the engine resolves it. */
    static Path outputPath(NodeSpec node, Path baseDir) {
        return new NodeCalls(node, new VariableNames(), baseDir).path("path");
    }

    /** The engine's own resolution: against the pipeline file's folder, normalised. */
    private Path path(String option) {
        return baseDir.resolve(text(option)).normalize();
    }
}
