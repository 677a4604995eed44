package sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import sluice.engine.pipeline.Trigger;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.PipelineLoader;
import sluice.engine.plan.QueryPlan;
import sluice.engine.sink.MemoryTables;
import sluice.engine.types.Row;

/**
 * The restart tests' fixture: a folder {@code in} of small {@code Name,Close} CSV files that the file source takes in
 * name order, and available-now runs of one pipeline over it on a checkpoint, as a user restarts a query.
 */
final class NameCloseRuns {
    /** What one run left: its memory sinks' tables, its progress events and its plan (whose operators kept state). */
    record Run(MemoryTables tables, List<QueryProgress> progress, QueryPlan plan) {
        List<Row> rows(String queryName) {
            return tables.table(queryName).orElseThrow().rows();
        }
    }

    private final Path dir;
    private final String pipeline;

    NameCloseRuns(Path dir, String pipeline) {
        this.dir = dir;
        this.pipeline = pipeline;
    }

    /** Writes {@code in/<n>.csv} with a header; its modification time follows n, the order the source reads. */
    void writeInput(String name, String... lines) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("in"));
        Path file = folder.resolve(name);
        Files.writeString(file, "Name,Close\n" + String.join("\n", lines) + "\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000L * Integer.parseInt(name.substring(0,
                name.indexOf('.')))));
    }

    /** Runs the pipeline available-now on {@code checkpoint}; a failure of the query is thrown. */
    Run run(Path checkpoint) throws IOException {
        return run(checkpoint, new QueryListener() {
        });
    }

    /** As {@link #run(Path)}, with {@code listener} hearing the query too. */
    Run run(Path checkpoint, QueryListener listener) throws IOException {
        Path file = dir.resolve("pipeline.sluice.json");
        Files.writeString(file, pipeline);
        PipelineLoader.Loaded loaded = new PipelineLoader(NodeCatalog.standard()).load(file);
        assertThat(loaded.problems()).isEmpty();
        MemoryTables memory = new MemoryTables();
        EngineEnvironment environment = new EngineEnvironment(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), memory, Clock.systemUTC(), ZoneOffset.UTC, 2);
        List<QueryProgress> progress = new CopyOnWriteArrayList<>();
        StreamingQuery query = StreamingQuery.create(loaded.plan(),
                new QueryOptions(new Trigger.AvailableNow(), checkpoint, 0), environment);
        query.addListener(new QueryListener() {
            @Override
            public void onProgress(QueryProgress event) {
                progress.add(event);
            }
        });
        query.addListener(listener);
        query.start().awaitTermination();
        return new Run(memory, progress, loaded.plan());
    }
}
