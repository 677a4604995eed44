package sluice.spark.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.cli.Main;
import sluice.engine.export.ExportContext;
import sluice.engine.export.ScriptExporter;
import sluice.engine.export.ScriptLanguage;
import sluice.engine.export.SparkProgram;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.pipeline.PipelineJson;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.QueryPlan;
import sluice.engine.runtime.EngineEnvironment;
import sluice.engine.runtime.QueryListener;
import sluice.engine.runtime.QueryOptions;
import sluice.engine.runtime.StreamingQuery;
import sluice.engine.sink.MemoryTables;
import sluice.engine.types.PartitionedBatch;
import sluice.spark.compat.CaseFiles;
import sluice.spark.compat.ConsoleText;
import sluice.spark.compat.RowText;
import sluice.spark.compat.TestSpark;

/**
 * Every example's Scala export runs, and does what Sluice does. Each example is exported from a copy of
 * {@code sample-data} (so its file paths name temporary copies), compiled as {@link ScalaExportCompileTest} compiles
 * it, and its {@code main} runs in this JVM's local Spark; what its sinks produce (console text, memory tables) is
 * compared with {@code sluice run} of the same pipeline file. The file examples run available-now and agree batch by
 * batch; rate-plus-one is time-based and is compared by its rule and its columns; socket-lines reads a server on
 * 127.0.0.1 and is compared row for row across batches, the arrival timestamps apart. The PySpark export is made
 * from the same calls ({@link SparkProgram}), so a Scala run that agrees proves the exporter's decisions for both.
 */
class ScalaExportRunTest {
    private static final Path SAMPLE_DATA = Path.of("..", "sample-data").toAbsolutePath().normalize();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 50;
    private static final List<String> LINES = List.of("the quick brown fox", "two  spaces", "", "ünïcödé 語 words");

    @TempDir
    Path work;

    @Test
    void jsonMessagesExportPrintsWhatSluiceRunPrints() throws Exception {
        Path pipeline = example("json-messages", spec -> spec.withTrigger(new Trigger.AvailableNow()));

        String spark = runToEnd(pipeline).console();
        String sluice = sluiceRun(pipeline);

        assertThat(ConsoleText.batches(spark)).hasSize(3);
        assertThat(ConsoleText.batches(sluice)).containsExactlyElementsOf(ConsoleText.batches(spark));
    }

    @Test
    void stocksReplayExportPrintsAndKeepsWhatSluiceDoes() throws Exception {
        Path pipeline = example("stocks-replay", spec -> spec.withTrigger(new Trigger.AvailableNow()));

        String spark = runToEnd(pipeline).console();
        Map<String, List<String>> sparkTables = memoryTables(pipeline);
        String sluice = sluiceRun(pipeline);
        Map<String, List<String>> sluiceRows = sluiceSinkRows(pipeline, sparkTables.keySet());

        assertThat(ConsoleText.batches(spark)).hasSize(12);
        assertThat(ConsoleText.batches(sluice)).containsExactlyElementsOf(ConsoleText.batches(spark));
        assertThat(sparkTables).containsOnlyKeys("table", "close-chart");
        for (String sink : sparkTables.keySet()) {
            assertThat(sparkTables.get(sink)).as("Spark's memory table of %s", sink).isNotEmpty();
            assertThat(RowText.sorted(sluiceRows.get(sink))).as("the rows Sluice's %s received", sink)
                    .containsExactlyElementsOf(RowText.sorted(sparkTables.get(sink)));
        }
    }

    @Test
    void ratePlusOneExportComputesValuePlusOneInSluicesColumns() throws Exception {
        Path pipeline = example("rate-plus-one", UnaryOperator.identity());
        String spark;
        try (ScriptRun run = ScriptRun.start(compile(pipeline))) {
            run.stopWhen(() -> ConsoleText.batches(run.console()).size() >= 3);
            spark = run.console();
        }

        String sluice = sluiceRun(pipeline, "--max-batches", "3");

        ConsoleTable sparkTable = ConsoleTable.of(spark);
        ConsoleTable sluiceTable = ConsoleTable.of(sluice);
        assertThat(sparkTable.header()).containsExactly("timestamp", "value", "result");
        assertThat(sluiceTable.header()).isEqualTo(sparkTable.header());
        for (ConsoleTable table : List.of(sparkTable, sluiceTable)) {
            assertThat(table.rows()).isNotEmpty().allSatisfy(row -> assertThat(Long.parseLong(row.get(2)))
                    .isEqualTo(Long.parseLong(row.get(1)) + 1));
        }
    }

    @Test
    void socketLinesExportSplitsTheServersLinesAsSluiceDoes() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout((int) TIMEOUT.toMillis());
            Path pipeline = example("socket-lines", spec -> withOption(spec, "lines", "port",
                    Integer.toString(server.getLocalPort())));
            String spark;
            try (ScriptRun run = ScriptRun.start(compile(pipeline)); Socket client = server.accept()) {
                send(client);
                run.stopWhen(() -> ConsoleTable.of(run.console()).rows().size() >= LINES.size());
                spark = run.console();
            }

            String sluice = sluiceSocketRun(pipeline, server);

            ConsoleTable sparkTable = ConsoleTable.of(spark);
            ConsoleTable sluiceTable = ConsoleTable.of(sluice);
            assertThat(sparkTable.header()).containsExactly("value", "words", "timestamp");
            assertThat(sluiceTable.header()).isEqualTo(sparkTable.header());
            assertThat(sparkTable.rows()).hasSize(LINES.size());
            assertThat(sorted(withoutTimestamps(sluiceTable))).isEqualTo(sorted(withoutTimestamps(sparkTable)));
        }
    }

    /** The example copied with a copy of sample-data, changed by {@code change} and written back. */
    private static Path example(String name, UnaryOperator<PipelineSpec> change) throws Exception {
        Path copy = CaseFiles.copy(SAMPLE_DATA, "sluice-export-run-").resolve("pipelines/" + name + ".sluice.json");
        PipelineSpec spec = PipelineJson.read(copy).spec();
        Files.writeString(copy, PipelineJson.write(change.apply(spec)), StandardCharsets.UTF_8);
        return copy;
    }

    private Path compile(Path pipeline) throws Exception {
        String name = pipeline.getFileName().toString().replace(".sluice.json", "");
        return ScalaScripts.compile(name, ScalaScripts.export(pipeline), work);
    }

    private ScriptRun runToEnd(Path pipeline) throws Exception {
        try (ScriptRun run = ScriptRun.start(compile(pipeline))) {
            run.awaitEnd();
            return run;
        }
    }

    /** {@code sluice run PIPELINE [more]}: its standard output; it must exit 0. */
    private static String sluiceRun(Path pipeline, String... more) {
        List<String> args = new ArrayList<>(List.of("run", pipeline.toString()));
        args.addAll(List.of(more));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as("sluice run: %s", err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * The memory tables the script's sinks left, by sink node id. Their names come from the program the script was
     * written from: a memory sink's queryName, or the name the exporter gave a table or chart sink.
     */
    private static Map<String, List<String>> memoryTables(Path pipeline) {
        QueryPlan plan = ScalaScripts.plan(pipeline);
        SparkProgram program = new ScriptExporter(NodeCatalog.standard()).program(plan,
                ExportContext.forPipelineFile(pipeline, ScriptLanguage.SCALA));
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (int i = 0; i < plan.steps().size(); i++) {
            for (SparkProgram.Call call : program.statements().get(i).calls()) {
                if (call.method().equals("queryName")) {
                    String table = ((SparkProgram.Text) call.args().get(0)).value();
                    List<String> rows = new ArrayList<>();
                    for (Row row : TestSpark.session().table("`" + table + "`").collectAsList()) {
                        rows.add(RowText.of(row));
                    }
                    tables.put(plan.steps().get(i).nodeId(), rows);
                }
            }
        }
        return tables;
    }

    /**
     * The rows each of {@code sinks} received when Sluice ran the pipeline: {@code sluice run} discards what table
     * and chart sinks get, so these come from the engine's own run of the same file, as the command runs it.
     */
    private static Map<String, List<String>> sluiceSinkRows(Path pipeline, java.util.Set<String> sinks) {
        QueryPlan plan = ScalaScripts.plan(pipeline);
        Map<String, List<String>> rows = new LinkedHashMap<>();
        sinks.forEach(sink -> rows.put(sink, new ArrayList<>()));
        StreamingQuery query = StreamingQuery.create(plan, new QueryOptions(plan.spec().trigger(), null, 0),
                new EngineEnvironment(new PrintStream(OutputStream.nullOutputStream()), new MemoryTables(),
                        Clock.systemUTC(), ZoneOffset.UTC, 2));
        query.addListener(new QueryListener() {
            @Override
            public boolean wantsBatchData() {
                return true;
            }

            @Override
            public void onBatchData(long batchId, Map<String, PartitionedBatch> outputs) {
                for (String sink : sinks) {
                    outputs.get(sink).toBatch().rows().forEach(row -> rows.get(sink).add(RowText.of(row)));
                }
            }
        });
        query.start();
        assertThat(query.awaitTermination(TIMEOUT)).as("Sluice's run of %s ended", pipeline).isTrue();
        return rows;
    }

    /**
     * Sluice's run of socket-lines against the same server, as {@code sluice run} runs it (the engine with a console
     * stream), stopped once every line was printed: a socket stream never ends by itself.
     */
    private static String sluiceSocketRun(Path pipeline, ServerSocket server) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        StreamingQuery query = StreamingQuery.create(ScalaScripts.plan(pipeline),
                new QueryOptions(Trigger.DEFAULT, null, 0),
                new EngineEnvironment(new PrintStream(console, true, StandardCharsets.UTF_8), new MemoryTables(),
                        Clock.systemUTC(), ZoneOffset.UTC, 2));
        query.start();
        try (Socket client = server.accept()) {
            send(client);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (ConsoleTable.of(console.toString(StandardCharsets.UTF_8)).rows().size() < LINES.size()) {
                assertThat(System.nanoTime()).as("Sluice printed every line within %s", TIMEOUT).isLessThan(deadline);
                assertThat(query.awaitTermination(Duration.ofMillis(POLL_MILLIS))).as("Sluice's query ended early")
                        .isFalse();
            }
        } finally {
            query.stop();
        }
        return console.toString(StandardCharsets.UTF_8);
    }

    private static void send(Socket client) throws Exception {
        OutputStream out = client.getOutputStream();
        for (String line : LINES) {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
    }

    private static PipelineSpec withOption(PipelineSpec spec, String nodeId, String option, String value) {
        List<NodeSpec> nodes = new ArrayList<>();
        for (NodeSpec node : spec.nodes()) {
            nodes.add(node.id().equals(nodeId) ? node.withOption(option, OptionValue.of(value)) : node);
        }
        return spec.withNodes(nodes);
    }

    private static List<List<String>> withoutTimestamps(ConsoleTable table) {
        int timestamp = table.header().indexOf("timestamp");
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : table.rows()) {
            List<String> kept = new ArrayList<>(row);
            kept.remove(timestamp);
            rows.add(kept);
        }
        return rows;
    }

    private static List<String> sorted(List<List<String>> rows) {
        return rows.stream().map(Object::toString).sorted().toList();
    }
}
