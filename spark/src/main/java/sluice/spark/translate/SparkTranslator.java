package sluice.spark.translate;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.streaming.DataStreamReader;
import org.apache.spark.sql.streaming.DataStreamWriter;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.expr.parse.SortOrder;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;
import sluice.engine.plan.PlanEnvironment;
import sluice.engine.plan.QueryPlan;

/**
 * Turns a checked Sluice pipeline into Spark streaming queries, one per sink. Our expressions and option names are
 * Spark's, so expressions and options pass through unchanged; only relative paths are resolved (against the
 * pipeline file's folder, as the engine does) and options that only Sluice knows are left out. Stateless apart from
 * the session; use it on the thread that owns the session.
 */
public final class SparkTranslator {
    /** Options of source.file that are Sluice's, or that Spark takes through another call (path, schema). */
    private static final Set<String> FILE_SOURCE_OWN = Set.of("path", "format", "schema", "schemaInference",
            "static");
    /** Options of sinks that Spark takes through another call, or that only the workbench's views use. */
    private static final Set<String> SINK_OWN = Set.of("outputMode", "path", "format", "queryName");

    private final SparkSession spark;

    public SparkTranslator(SparkSession spark) {
        this.spark = requireNonNull(spark, "spark is null");
    }

    /**
     * The queries of {@code plan}, not started. {@code checkpointRoot} holds one checkpoint folder per sink (Spark
     * keeps one per query); null takes the pipeline's checkpointLocation, or a new temporary folder.
     */
    public Translation translate(QueryPlan plan, PlanEnvironment environment, Trigger trigger, Path checkpointRoot) {
        return translate(requireNonNull(plan, "plan is null").spec(), environment, trigger, checkpointRoot);
    }

    /**
     * The queries of a pipeline that Sluice has not necessarily checked (the compatibility suite also hands Spark
     * pipelines that Sluice rejects). Nodes are translated once all their inputs are; Spark's own analysis errors
     * are thrown as Spark throws them, and a missing required option as NoSuchElementException.
     */
    public Translation translate(PipelineSpec spec, PlanEnvironment environment, Trigger trigger,
                                 Path checkpointRoot) {
        requireNonNull(spec, "spec is null");
        requireNonNull(environment, "environment is null");
        requireNonNull(trigger, "trigger is null");
        List<Problem> problems = new ArrayList<>();
        if (!SparkTriggers.hasCounterpart(trigger)) {
            problems.add(Problem.of(ErrorCode.BAD_OPTION_VALUE, Position.NOWHERE,
                    "the trigger %s has no Spark counterpart", trigger));
            return new Translation(List.of(), problems);
        }
        Optional<org.apache.spark.sql.streaming.Trigger> sparkTrigger = SparkTriggers.of(trigger);
        Path root = checkpointRoot != null ? checkpointRoot : checkpointRoot(spec, environment);
        Map<String, Dataset<Row>> outputs = new LinkedHashMap<>();
        List<SinkQuery> queries = new ArrayList<>();
        Set<String> failed = new HashSet<>();
        for (NodeSpec node : inputOrder(spec)) {
            if (node.inputs().stream().anyMatch(failed::contains)) {
                // An input could not be translated; its problem is reported already.
                failed.add(node.id());
                continue;
            }
            List<Dataset<Row>> inputs = node.inputs().stream().map(outputs::get).toList();
            if (inputs.isEmpty() && !node.type().startsWith("source.")) {
                problems.add(Problem.of(ErrorCode.WRONG_INPUT_COUNT, Position.node(node.id()),
                        "node '%s' has no input", node.id()));
                failed.add(node.id());
                continue;
            }
            if (node.type().startsWith("sink.")) {
                Optional<DataStreamWriter<Row>> writer = sink(node, inputs.get(0), environment, problems);
                if (writer.isPresent()) {
                    DataStreamWriter<Row> configured = writer.get()
                            .outputMode(text(node, "outputMode").orElse("append"))
                            .option("checkpointLocation", root.resolve(node.id()).toString());
                    sparkTrigger.ifPresent(configured::trigger);
                    queries.add(new SinkQuery(node.id(), node.type(), inputs.get(0), configured));
                }
            } else {
                Optional<Dataset<Row>> data = dataset(node, inputs, environment, problems);
                data.ifPresentOrElse(d -> outputs.put(node.id(), d), () -> failed.add(node.id()));
            }
        }
        return new Translation(queries, problems);
    }

    /** Nodes after their inputs, ties in file order; nodes in a cycle or with unknown inputs are left out. */
    private static List<NodeSpec> inputOrder(PipelineSpec spec) {
        List<NodeSpec> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        List<NodeSpec> pending = new ArrayList<>(spec.nodes());
        boolean progress = true;
        while (progress) {
            progress = false;
            for (java.util.Iterator<NodeSpec> it = pending.iterator(); it.hasNext(); ) {
                NodeSpec node = it.next();
                if (done.containsAll(node.inputs())) {
                    ordered.add(node);
                    done.add(node.id());
                    it.remove();
                    progress = true;
                }
            }
        }
        return ordered;
    }

    private Optional<Dataset<Row>> dataset(NodeSpec node, List<Dataset<Row>> inputs, PlanEnvironment environment,
                                           List<Problem> problems) {
        switch (node.type()) {
            case "source.rate":
                return Optional.of(reader(node, Set.of()).format("rate").load());
            case "source.socket":
                return Optional.of(reader(node, Set.of()).format("socket").load());
            case "source.file":
                return Optional.of(fileSource(node, environment));
            case "source.kafka":
                // Spark's Kafka source takes the same option names, kafka.* included; it needs spark-sql-kafka-0-10.
                return Optional.of(reader(node, Set.of()).format("kafka").load());
            case "transform.select":
                return Optional.of(inputs.get(0).selectExpr(list(node, "expressions").toArray(String[]::new)));
            case "transform.withColumn":
                return Optional.of(inputs.get(0).withColumn(text(node, "name").orElseThrow(),
                        functions.expr(text(node, "expression").orElseThrow())));
            case "transform.filter":
                return Optional.of(inputs.get(0).filter(text(node, "condition").orElseThrow()));
            case "transform.aggregate":
                return Optional.of(aggregate(node, inputs.get(0)));
            case "transform.watermark":
                return Optional.of(inputs.get(0).withWatermark(text(node, "eventTime").orElseThrow().trim(),
                        text(node, "delayThreshold").orElseThrow().trim()));
            case "transform.join":
                return Optional.of(join(node, inputs.get(0), inputs.get(1)));
            case "transform.dropDuplicates":
                List<String> columns = list(node, "columns");
                String[] names = columns.stream().map(String::trim).toArray(String[]::new);
                if (text(node, "withinWatermark").map(v -> v.trim().equalsIgnoreCase("true")).orElse(false)) {
                    return Optional.of(columns.isEmpty() ? inputs.get(0).dropDuplicatesWithinWatermark()
                            : inputs.get(0).dropDuplicatesWithinWatermark(names));
                }
                return Optional.of(columns.isEmpty() ? inputs.get(0).dropDuplicates()
                        : inputs.get(0).dropDuplicates(names));
            case "transform.sort":
                return Optional.of(inputs.get(0).orderBy(list(node, "orderBy").stream().map(SparkTranslator::sortKey)
                        .toArray(org.apache.spark.sql.Column[]::new)));
            case "transform.limit":
                return Optional.of(inputs.get(0).limit(Integer.parseInt(text(node, "n").orElseThrow().trim())));
            case "transform.union":
                Dataset<Row> all = inputs.get(0);
                for (Dataset<Row> next : inputs.subList(1, inputs.size())) {
                    all = all.union(next);
                }
                return Optional.of(all);
            default:
                problems.add(untranslatable(node));
                return Optional.empty();
        }
    }

    /** A sort key's text, {@code x DESC NULLS FIRST}, as Spark's Column with that order. */
    private static org.apache.spark.sql.Column sortKey(String text) {
        SortOrder order = SortOrder.parse(text);
        org.apache.spark.sql.Column column = functions.expr(order.expression());
        if (order.ascending()) {
            return order.nullsFirst() ? column.asc_nulls_first() : column.asc_nulls_last();
        }
        return order.nullsFirst() ? column.desc_nulls_first() : column.desc_nulls_last();
    }

    /** Spark's {@code groupBy(keys).agg(first, rest...)}; the expressions are Spark SQL text, as in the node. */
    private static Dataset<Row> aggregate(NodeSpec node, Dataset<Row> input) {
        org.apache.spark.sql.Column[] keys = list(node, "groupBy").stream().map(functions::expr)
                .toArray(org.apache.spark.sql.Column[]::new);
        List<org.apache.spark.sql.Column> aggregations = list(node, "aggregations").stream().map(functions::expr)
                .toList();
        return input.groupBy(keys).agg(aggregations.get(0), aggregations.subList(1, aggregations.size())
                .toArray(org.apache.spark.sql.Column[]::new));
    }

    /**
     * Spark's {@code left.join(right, on, how)}: the condition as a Column, the using columns as names; neither is a
     * condition that is always true.
     */
    private static Dataset<Row> join(NodeSpec node, Dataset<Row> left, Dataset<Row> right) {
        String how = text(node, "how").orElse("inner").trim();
        if (node.options().containsKey("usingColumns")) {
            return left.join(right, list(node, "usingColumns").toArray(String[]::new), how);
        }
        return left.join(right, functions.expr(text(node, "on").filter(t -> !t.isBlank()).orElse("true")), how);
    }

    private Dataset<Row> fileSource(NodeSpec node, PlanEnvironment environment) {
        if (text(node, "static").map(v -> v.trim().equalsIgnoreCase("true")).orElse(false)) {
            return staticTable(node, environment);
        }
        DataStreamReader reader = reader(node, FILE_SOURCE_OWN).format(text(node, "format").orElseThrow().trim());
        // Relative folders are relative to the pipeline file's folder, as the engine reads them.
        for (String folderOption : List.of("sourceArchiveDir", "basePath")) {
            Optional<String> folder = text(node, folderOption).filter(dir -> !dir.isBlank());
            if (folder.isPresent()) {
                reader = reader.option(folderOption, environment.baseDir().resolve(folder.get()).normalize()
                        .toString());
            }
        }
        Optional<String> schema = text(node, "schema");
        String folder = path(node, environment);
        if (schema.isPresent()) {
            return reader.schema(schema.get()).load(folder);
        }
        // Sluice has schemaInference per node; Spark has it per session, read when the source is made.
        String key = "spark.sql.streaming.schemaInference";
        String before = spark.conf().get(key, "false");
        spark.conf().set(key, text(node, "schemaInference").orElse("false"));
        try {
            return reader.load(folder);
        } finally {
            spark.conf().set(key, before);
        }
    }

    /** A source.file with static: true is Spark's {@code spark.read}, which infers a schema when none is given. */
    private Dataset<Row> staticTable(NodeSpec node, PlanEnvironment environment) {
        org.apache.spark.sql.DataFrameReader reader = spark.read().format(text(node, "format").orElseThrow().trim());
        for (Map.Entry<String, OptionValue> option : node.options().entrySet()) {
            if (!FILE_SOURCE_OWN.contains(option.getKey()) && option.getValue() instanceof OptionValue.Text value) {
                reader = reader.option(option.getKey(), value.value());
            }
        }
        Optional<String> basePath = text(node, "basePath").filter(dir -> !dir.isBlank());
        if (basePath.isPresent()) {
            reader = reader.option("basePath", environment.baseDir().resolve(basePath.get()).normalize().toString());
        }
        Optional<String> schema = text(node, "schema");
        return (schema.isPresent() ? reader.schema(schema.get()) : reader).load(path(node, environment));
    }

    private DataStreamReader reader(NodeSpec node, Set<String> own) {
        DataStreamReader reader = spark.readStream();
        for (Map.Entry<String, OptionValue> option : node.options().entrySet()) {
            if (!own.contains(option.getKey()) && option.getValue() instanceof OptionValue.Text value) {
                reader = reader.option(option.getKey(), value.value());
            }
        }
        return reader;
    }

    private Optional<DataStreamWriter<Row>> sink(NodeSpec node, Dataset<Row> input, PlanEnvironment environment,
                                                 List<Problem> problems) {
        DataStreamWriter<Row> writer = input.writeStream();
        switch (node.type()) {
            case "sink.console":
                return Optional.of(withOptions(writer.format("console"), node));
            case "sink.memory":
                return Optional.of(writer.format("memory").queryName(text(node, "queryName").orElseThrow()));
            case "sink.noop":
                return Optional.of(writer.format("noop"));
            case "sink.kafka":
                return Optional.of(withOptions(writer.format("kafka"), node));
            case "sink.file":
                DataStreamWriter<Row> files = withOptions(writer.format(text(node, "format").orElseThrow().trim()),
                        node).option("path", path(node, environment));
                List<String> partitionBy = node.option("partitionBy").map(SparkTranslator::texts).orElse(List.of());
                return Optional.of(partitionBy.isEmpty() ? files
                        : files.partitionBy(partitionBy.stream().map(String::trim).toArray(String[]::new)));
            case "sink.table":
            case "sink.chart":
                // The workbench's views have no cluster counterpart; the rows are kept as Spark's memory sink keeps
                // them, under a table named after the node.
                return Optional.of(writer.format("memory").queryName(memoryTableName(node.id())));
            default:
                problems.add(untranslatable(node));
                return Optional.empty();
        }
    }

    /** The memory table that a {@code sink.table} or {@code sink.chart} node becomes: its id as an identifier. */
    public static String memoryTableName(String nodeId) {
        return nodeId.replaceAll("[^A-Za-z0-9_]", "_");
    }

    private static DataStreamWriter<Row> withOptions(DataStreamWriter<Row> writer, NodeSpec node) {
        DataStreamWriter<Row> configured = writer;
        for (Map.Entry<String, OptionValue> option : node.options().entrySet()) {
            if (!SINK_OWN.contains(option.getKey()) && option.getValue() instanceof OptionValue.Text value) {
                configured = configured.option(option.getKey(), value.value());
            }
        }
        return configured;
    }

    /**
     * The node's path resolved as the engine resolves it; an empty one goes to Spark as it is, and Spark refuses it.
     */
    private static String path(NodeSpec node, PlanEnvironment environment) {
        String path = text(node, "path").orElseThrow();
        return path.isBlank() ? path : environment.baseDir().resolve(path).normalize().toString();
    }

    private static Path checkpointRoot(PipelineSpec spec, PlanEnvironment environment) {
        String location = spec.checkpointLocation();
        if (location != null) {
            return environment.baseDir().resolve(location).normalize();
        }
        try {
            return Files.createTempDirectory("sluice-spark-checkpoint-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Problem untranslatable(NodeSpec node) {
        return Problem.of(ErrorCode.UNKNOWN_NODE_TYPE, Position.node(node.id()),
                "node type '%s' has no Spark counterpart yet; the pipeline cannot run on Spark", node.type());
    }

    /** A list option's values; a single string is a list of one. */
    private static List<String> texts(OptionValue value) {
        return value instanceof OptionValue.TextList list ? list.values()
                : List.of(((OptionValue.Text) value).value());
    }

    private static Optional<String> text(NodeSpec node, String option) {
        return node.option(option).filter(OptionValue.Text.class::isInstance)
                .map(value -> ((OptionValue.Text) value).value());
    }

    private static List<String> list(NodeSpec node, String option) {
        Optional<OptionValue> value = node.option(option);
        if (value.isPresent() && value.get() instanceof OptionValue.TextList texts) {
            return texts.values();
        }
        return value.map(v -> List.of(((OptionValue.Text) v).value())).orElse(List.of());
    }
}
