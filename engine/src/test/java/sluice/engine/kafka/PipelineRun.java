package sluice.engine.kafka;

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
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import sluice.engine.diag.Problem;
import sluice.engine.pipeline.Trigger;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.PipelineLoader;
import sluice.engine.runtime.EngineEnvironment;
import sluice.engine.runtime.QueryListener;
import sluice.engine.runtime.QueryOptions;
import sluice.engine.runtime.StreamingQuery;
import sluice.engine.sink.MemoryTables;
import sluice.engine.types.PartitionedBatch;
import sluice.engine.types.Row;

/**
 * Runs a pipeline file (written from text into a folder) on the engine in UTC and keeps the rows that reach the
 * node {@code out} batch by batch. Thread-safe reads of what was collected; the query runs on its own thread.
 */
public final class PipelineRun implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(60);

    private final List<List<Row>> batches = new ArrayList<>();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final StreamingQuery query;

    private PipelineRun(StreamingQuery query) {
        this.query = query;
    }

    /** The problems of a pipeline text, planned as a file in {@code dir}. */
    public static List<Problem> problems(Path dir, String pipeline) {
        return new PipelineLoader(NodeCatalog.standard()).load(write(dir, pipeline)).problems();
    }

    public static PipelineRun start(Path dir, String pipeline, Trigger trigger, Path checkpoint) {
        PipelineLoader.Loaded loaded = new PipelineLoader(NodeCatalog.standard()).load(write(dir, pipeline));
        if (!loaded.problems().isEmpty()) {
            throw new AssertionError("the pipeline has problems: " + loaded.problems());
        }
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        StreamingQuery query = StreamingQuery.create(loaded.plan(), new QueryOptions(trigger, checkpoint, 0),
                new EngineEnvironment(new PrintStream(console, true, StandardCharsets.UTF_8), new MemoryTables(),
                        Clock.systemUTC(), ZoneOffset.UTC, 2));
        PipelineRun run = new PipelineRun(query);
        query.addListener(new QueryListener() {
            @Override
            public boolean wantsBatchData() {
                return true;
            }

            @Override
            public void onBatchData(long batchId, Map<String, PartitionedBatch> outputs) {
                PartitionedBatch data = outputs.get("out");
                if (data != null) {
                    run.add(data.toBatch().rows());
                }
            }
        });
        query.start();
        return run;
    }

    private static Path write(Path dir, String pipeline) {
        try {
            Path file = dir.resolve("pipeline.sluice.json");
            Files.writeString(file, pipeline, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void add(List<Row> rows) {
        batches.add(List.copyOf(rows));
    }

    public synchronized List<List<Row>> batches() {
        return List.copyOf(batches);
    }

    public synchronized List<Row> rows() {
        List<Row> all = new ArrayList<>();
        batches.forEach(all::addAll);
        return all;
    }

    public StreamingQuery query() {
        return query;
    }

    /** Waits until {@code condition} holds, failing when the query ends first or the wait runs out. */
    public void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (query.awaitTermination(Duration.ofMillis(20))) {
                if (condition.getAsBoolean()) {
                    return;
                }
                throw new AssertionError("the query ended before " + what);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; batches: " + batches());
            }
        }
    }

    /** Waits until the query ends by itself (once, available-now); its failure is rethrown. */
    public void awaitEnd() {
        if (!query.awaitTermination(WAIT)) {
            query.stop();
            throw new AssertionError("the query did not end within " + WAIT);
        }
    }

    @Override
    public void close() {
        query.stop();
    }
}
