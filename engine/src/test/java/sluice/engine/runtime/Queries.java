package sluice.engine.runtime;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.pipeline.PipelineJson;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.PlanEnvironment;
import sluice.engine.plan.PlannedNode;
import sluice.engine.plan.Planner;
import sluice.engine.plan.QueryPlan;
import sluice.engine.sink.MemorySink;
import sluice.engine.sink.MemoryTables;
import sluice.engine.sink.OutputMode;
import sluice.engine.sink.Sink;
import sluice.engine.source.Source;
import sluice.engine.types.Row;

/** Builds small plans around a {@link ScriptedSource} and a memory sink, for the runtime's tests. */
final class Queries {
    final MemoryTables memory = new MemoryTables();
    final ByteArrayOutputStream consoleBytes = new ByteArrayOutputStream();
    final EngineEnvironment environment = new EngineEnvironment(
            new PrintStream(consoleBytes, true, StandardCharsets.UTF_8), memory, Clock.systemUTC(), ZoneOffset.UTC, 2);

    QueryPlan sourceToMemory(Source source) {
        return sourceToSink(source, new MemorySink("out"));
    }

    QueryPlan sourceToSink(Source source, Sink sink) {
        NodeSpec in = new NodeSpec("in", "test.scripted", List.of(), 0, 0, Map.of());
        NodeSpec out = new NodeSpec("out", "sink.memory", List.of("in"), 0, 0,
                Map.of("queryName", OptionValue.of("out")));
        PipelineSpec spec = new PipelineSpec(PipelineSpec.FORMAT, "test", Trigger.DEFAULT, null, List.of(in, out));
        return new QueryPlan(spec, List.of(
                new QueryPlan.Step("in", "test.scripted", List.of(), new PlannedNode.SourceNode(source)),
                new QueryPlan.Step("out", "sink.memory", List.of("in"),
                        new PlannedNode.SinkNode(sink, OutputMode.APPEND, source.schema()))));
    }

    StreamingQuery start(QueryPlan plan, Trigger trigger, Path checkpoint) {
        return StreamingQuery.create(plan, new QueryOptions(trigger, checkpoint, 0), environment).start();
    }

    List<Object> output() {
        return memory.table("out").map(t -> t.rows().stream().map(r -> r.get(0)).toList()).orElse(List.of());
    }

    /**
     * The progress of each batch of the pipeline file text {@code pipelineJson} run to the end of its input with
     * trigger availableNow, relative paths resolved against {@code dir}.
     */
    static List<QueryProgress> progressOfRun(String pipelineJson, Path dir) {
        PipelineSpec spec = PipelineJson.parse(pipelineJson).spec();
        Planner.Result plan = new Planner(NodeCatalog.standard()).plan(spec, new PlanEnvironment(dir, ZoneOffset.UTC));
        List<QueryProgress> progress = new ArrayList<>();
        StreamingQuery query = StreamingQuery.create(plan.plan(),
                new QueryOptions(new Trigger.AvailableNow(), null, 0), new Queries().environment);
        query.addListener(new QueryListener() {
            @Override
            public void onProgress(QueryProgress event) {
                progress.add(event);
            }
        });
        query.start().awaitTermination();
        return progress;
    }

    static List<Row> rows(long... values) {
        return java.util.Arrays.stream(values).mapToObj(Row::of).toList();
    }
}
