package sluice.spark.compat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Problem;
import sluice.engine.diag.SluiceException;
import sluice.engine.pipeline.Trigger;
import sluice.engine.plan.PipelineLoader;
import sluice.engine.plan.QueryPlan;
import sluice.engine.runtime.EngineEnvironment;
import sluice.engine.runtime.QueryListener;
import sluice.engine.runtime.QueryOptions;
import sluice.engine.runtime.StreamingQuery;
import sluice.engine.sink.MemoryTables;
import sluice.engine.types.PartitionedBatch;
import sluice.engine.types.Row;

/** Runs a pipeline on Sluice with the available-now trigger in UTC, two tasks at once as Spark's local[2]. */
final class SluiceSide {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Sluice's messages of errors that Spark has a class for start with it: [CAST_OVERFLOW] The value ... */
    private static final Pattern SPARK_CLASS = Pattern.compile("\\[([A-Z0-9_.]+)] ");

    private SluiceSide() {
    }

    static Outcome run(Path pipeline) {
        Pipelines.Redirected redirected = Pipelines.redirectFileSinks(Pipelines.spec(pipeline),
                temporaryFolder().resolve("outputs"));
        PipelineLoader.Loaded loaded = Pipelines.plan(redirected.spec(), pipeline);
        if (!loaded.problems().isEmpty()) {
            Problem first = loaded.problems().get(0);
            return Outcome.rejected(reason(first.code(), first.render(), first.message()));
        }
        QueryPlan plan = loaded.plan();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        MemoryTables memory = new MemoryTables();
        EngineEnvironment environment = new EngineEnvironment(new PrintStream(console, true, StandardCharsets.UTF_8),
                memory, Clock.systemUTC(), ZoneOffset.UTC, 2);
        Map<String, List<Outcome.BatchData>> batches = new LinkedHashMap<>();
        List<String> sinks = plan.sinks().stream().map(QueryPlan.Step::nodeId).toList();
        sinks.forEach(sink -> batches.put(sink, new ArrayList<>()));
        StreamingQuery query = StreamingQuery.create(plan, new QueryOptions(new Trigger.AvailableNow(), null, 0),
                environment);
        query.addListener(new QueryListener() {
            @Override
            public boolean wantsBatchData() {
                return true;
            }

            @Override
            public void onBatchData(long batchId, Map<String, PartitionedBatch> outputs) {
                for (String sink : sinks) {
                    PartitionedBatch data = outputs.get(sink);
                    List<String> rows = new ArrayList<>();
                    for (Row row : data.toBatch().rows()) {
                        rows.add(RowText.of(row));
                    }
                    synchronized (batches) {
                        batches.get(sink).add(new Outcome.BatchData(batchId, data.schema().simpleString(), rows));
                    }
                }
            }
        });
        Outcome.Stop failure = null;
        try {
            query.start();
            if (!query.awaitTermination(TIMEOUT)) {
                query.stop();
                throw new AssertionError("Sluice did not finish " + pipeline + " in " + TIMEOUT);
            }
        } catch (SluiceException e) {
            failure = reason(e.problem().code(), e.problem().render(), e.problem().message());
        }
        Map<String, String> consoleText = new LinkedHashMap<>();
        plan.sinks().stream().filter(s -> s.type().equals("sink.console"))
                .forEach(s -> consoleText.put(s.nodeId(), console.toString(StandardCharsets.UTF_8)));
        Map<String, Outcome.FileOutput> files = new LinkedHashMap<>();
        for (QueryPlan.Step sink : plan.sinks()) {
            if (redirected.folders().containsKey(sink.nodeId())) {
                files.put(sink.nodeId(), new Outcome.FileOutput(redirected.folders().get(sink.nodeId()),
                        plan.schemas().get(sink.inputs().get(0)).toDdl()));
            }
        }
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String name : memory.names()) {
            tables.put(name, memory.table(name).orElseThrow().rows().stream().map(RowText::of).toList());
        }
        synchronized (batches) {
            return new Outcome(batches, consoleText, tables, files, null, failure);
        }
    }

    /** The error code, and the Spark error class that Sluice's message starts with, if it names one. */
    private static Outcome.Stop reason(ErrorCode code, String rendered, String message) {
        Matcher named = SPARK_CLASS.matcher(message);
        List<String> classes = named.lookingAt() ? List.of(code.name(), named.group(1)) : List.of(code.name());
        return new Outcome.Stop(classes, rendered);
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("sluice-compat-sluice-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
