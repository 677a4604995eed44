package sluice.engine.export;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import sluice.engine.diag.SluiceException;
import sluice.engine.export.SparkProgram.Call;
import sluice.engine.export.SparkProgram.Setting;
import sluice.engine.export.SparkProgram.Start;
import sluice.engine.export.SparkProgram.Statement;
import sluice.engine.export.SparkProgram.Text;
import sluice.engine.export.SparkProgram.TriggerArg;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.QueryPlan;

/**
 * Writes a checked pipeline as a Spark script doing the same with Spark's API: one variable per node in the plan's
 * topological order, one streaming query per sink (Spark runs a query per sink where Sluice runs the whole graph as
 * one), the pipeline's trigger on every query. Immutable; any thread. The output is deterministic: no dates, no
 * machine-dependent text besides the absolute paths the pipeline's relative ones resolve to.
 */
public final class ScriptExporter {
    private final NodeCatalog catalog;

    public ScriptExporter(NodeCatalog catalog) {
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    /**
     * The script of {@code plan} in {@code language}.
     *
     * @throws SluiceException when a node has no Spark counterpart; its problem names the node
     */
    public String export(QueryPlan plan, ScriptLanguage language, ExportContext context) {
        SparkProgram program = program(plan, context);
        return switch (language) {
            case PYSPARK -> PySparkScript.render(program);
            case SCALA -> ScalaScript.render(program);
        };
    }

    /** The language-neutral calls of {@code plan}. */
    public SparkProgram program(QueryPlan plan, ExportContext context) {
        requireNonNull(plan, "plan is null");
        requireNonNull(context, "context is null");
        PipelineSpec spec = plan.spec();
        VariableNames names = new VariableNames();
        List<Statement> statements = new ArrayList<>();
        List<String> inferring = new ArrayList<>();
        for (QueryPlan.Step step : plan.steps()) {
            NodeSpec node = spec.node(step.nodeId()).orElseThrow(
                    () -> new IllegalStateException("plan step without a node: " + step.nodeId()));
            String variable = names.of(node.id());
            NodeCalls.Chain chain = NodeCalls.of(node, names, context.baseDir());
            List<String> comments = new ArrayList<>();
            comments.add(CommentText.clean(node.id() + " (" + node.type() + "): " + description(node.type())));
            comments.addAll(chain.notes());
            List<Call> calls = new ArrayList<>(chain.calls());
            Start start = step.inputs().isEmpty() ? Start.READ_STREAM
                    : node.type().startsWith("sink.") ? Start.WRITE_STREAM : Start.INPUT;
            if (start == Start.WRITE_STREAM) {
                finishQuery(spec, node, variable, context.baseDir(), calls, comments);
            }
            if (node.type().equals("source.file") && isTrue(node, "schemaInference")) {
                inferring.add(node.id());
            }
            statements.add(new Statement(variable, comments, start,
                    start == Start.READ_STREAM ? null : names.of(step.inputs().get(0)), calls));
        }
        boolean finite = spec.trigger() instanceof Trigger.Once || spec.trigger() instanceof Trigger.AvailableNow;
        return new SparkProgram(CommentText.clean(spec.name()), CommentText.clean(context.pipelineFile()),
                CommentText.clean(context.scriptFile()), packages(spec), notes(spec), settings(inferring), statements,
                finite ? SparkProgram.Wait.EACH_QUERY : SparkProgram.Wait.ANY_TERMINATION);
    }

    /**
     * Spark's Kafka source and sink live outside Spark's own jars, in the connector of the same Spark version; the
     * run command brings it with {@code --packages}. The version is the Spark that Sluice follows (a test in the
     * spark module checks it against the Spark it runs).
     */
    public static final String KAFKA_PACKAGE = "org.apache.spark:spark-sql-kafka-0-10_2.13:4.1.1";

    private static List<String> packages(PipelineSpec spec) {
        boolean kafka = spec.nodes().stream().anyMatch(n -> n.type().equals("source.kafka")
                || n.type().equals("sink.kafka"));
        return kafka ? List.of(KAFKA_PACKAGE) : List.of();
    }

    private String description(String type) {
        return catalog.type(type).map(t -> t.kind().description()).orElse("");
    }

    private static List<String> notes(PipelineSpec spec) {
        List<String> notes = new ArrayList<>();
        notes.add("Each node is one variable named after its id, in the order data flows; each sink is one");
        notes.add("streaming query (Spark runs a query per sink where Sluice runs the whole pipeline as one).");
        notes.add("Expressions are Spark SQL, passed through unchanged. Paths are local: on a cluster, point them");
        notes.add("at storage every executor can read.");
        if (spec.trigger() instanceof Trigger.Manual) {
            notes.add("The workbench's manual trigger has no Spark counterpart; the queries use Spark's default.");
        }
        return notes;
    }

    /** Trigger and checkpoint, then {@code start()}. */
    private static void finishQuery(PipelineSpec spec, NodeSpec node, String variable, Path baseDir, List<Call> calls,
                                    List<String> comments) {
        Trigger trigger = spec.trigger();
        if (trigger instanceof Trigger.ProcessingTime time) {
            calls.add(Call.of("trigger", new TriggerArg(trigger, sparkInterval(time.interval()))));
        } else if (trigger instanceof Trigger.Once || trigger instanceof Trigger.AvailableNow) {
            calls.add(Call.of("trigger", new TriggerArg(trigger, null)));
        }
        Path checkpoint = null;
        if (spec.checkpointLocation() != null) {
            checkpoint = baseDir.resolve(spec.checkpointLocation()).normalize().resolve(variable);
            comments.add("Its own checkpoint folder inside the pipeline's checkpointLocation: one per query in Spark");
        } else if (node.type().equals("sink.file")) {
            Path output = NodeCalls.outputPath(node, baseDir);
            checkpoint = output.resolveSibling(output.getFileName() + "-checkpoint");
            comments.add("Spark's file sink needs a checkpoint and the pipeline names none: a folder next to the "
                    + "output");
        } else if (node.type().equals("sink.kafka")) {
            checkpoint = baseDir.resolve(variable + "-checkpoint");
            comments.add("Spark's Kafka sink needs a checkpoint and the pipeline names none: a folder next to the "
                    + "pipeline file");
        }
        if (checkpoint != null) {
            calls.add(Call.of("option", new Text("checkpointLocation"), new Text(checkpoint.toString())));
        }
        calls.add(Call.of("start"));
    }

    /** Spark parses a processing-time interval as an interval string, so it gets Spark's words, not ours. */
    static String sparkInterval(Duration interval) {
        long millis = interval.toMillis();
        if (millis % 60_000 == 0 && millis > 0) {
            return plural(millis / 60_000, "minute");
        } else if (millis % 1000 == 0) {
            return plural(millis / 1000, "second");
        }
        return plural(millis, "millisecond");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    private static boolean isTrue(NodeSpec node, String option) {
        return node.options().entrySet().stream().anyMatch(e -> e.getKey().equalsIgnoreCase(option)
                && e.getValue() instanceof sluice.engine.pipeline.OptionValue.Text text
                && text.value().trim().equalsIgnoreCase("true"));
    }

    /** Sluice's per-source schemaInference option is a session setting in Spark. */
    private static List<Setting> settings(List<String> inferring) {
        if (inferring.isEmpty()) {
            return List.of();
        }
        return List.of(new Setting("spark.sql.streaming.schemaInference", "true", CommentText.clean(
                "File sources infer their schema from the files present at start: " + String.join(", ", inferring))));
    }
}
