package sluice.spark.compat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private SluiceSide() {
    }

    static Outcome run(Path pipeline) {
        PipelineLoader.Loaded loaded = Pipelines.load(pipeline);
        if (!loaded.problems().isEmpty()) {
            return Outcome.rejected(loaded.problems().get(0).render());
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
        String failure = null;
        try {
            query.start();
            if (!query.awaitTermination(TIMEOUT)) {
                query.stop();
                throw new AssertionError("Sluice did not finish " + pipeline + " in " + TIMEOUT);
            }
        } catch (SluiceException e) {
            failure = e.problem().code().name() + ": " + e.problem().message();
        }
        Map<String, String> consoleText = new LinkedHashMap<>();
        plan.sinks().stream().filter(s -> s.type().equals("sink.console"))
                .forEach(s -> consoleText.put(s.nodeId(), console.toString(StandardCharsets.UTF_8)));
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String name : memory.names()) {
            tables.put(name, memory.table(name).orElseThrow().rows().stream().map(RowText::of).toList());
        }
        synchronized (batches) {
            return new Outcome(batches, consoleText, tables, null, failure);
        }
    }
}
