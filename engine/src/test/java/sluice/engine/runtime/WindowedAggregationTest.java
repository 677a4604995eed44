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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.operator.AggregateOperator;
import sluice.engine.pipeline.Trigger;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.PipelineLoader;
import sluice.engine.plan.PlannedNode;
import sluice.engine.sink.MemoryTables;
import sluice.engine.types.PartitionedBatch;
import sluice.engine.types.Row;

/**
 * A file -> watermark -> windowed count -> memory pipeline, one file per batch: the watermark moves after each batch
 * as Spark's does, late groups are dropped, append mode emits a window once the watermark passes its end (in a no-data
 * batch when no file is left), and a restart keeps the watermark and the state.
 */
class WindowedAggregationTest {
    private static final String PIPELINE = """
            {"format": "sluice/1", "name": "windows", "nodes": [
              {"id": "in", "type": "source.file", "options": {"path": "in", "format": "csv", "header": "true",
               "schema": "ts TIMESTAMP, word STRING", "maxFilesPerTrigger": "1"}},
              {"id": "wm", "type": "transform.watermark", "inputs": ["in"],
               "options": {"eventTime": "ts", "delayThreshold": "5 seconds"}},
              {"id": "agg", "type": "transform.aggregate", "inputs": ["wm"],
               "options": {"groupBy": ["window(ts, '10 seconds')"], "aggregations": ["count(*) AS n"]}},
              {"id": "out", "type": "sink.memory", "inputs": ["agg"],
               "options": {"queryName": "out", "outputMode": "%s"}}
            ]}
            """;

    @TempDir
    Path dir;

    private final List<QueryProgress> progress = new ArrayList<>();
    private AggregateOperator aggregation;

    @Test
    void appendEmitsEachWindowOnceTheWatermarkPassesItsEndAndDropsLateRows() throws IOException {
        writeInput(1, "12:00:05", "12:00:08");
        writeInput(2, "12:00:17");
        writeInput(3, "12:00:31", "12:00:02");
        writeInput(4, "12:00:09");

        List<List<Row>> batches = run("append", dir.resolve("checkpoint"));

        assertThat(batches).containsExactly(List.of(), List.of(), List.of(window("12:00:00", "12:00:10", 3)),
                List.of(window("12:00:10", "12:00:20", 1)));
        // The last batch's 12:00:09 falls in a window the previous batch's watermark (12:00:12) had passed.
        assertThat(aggregation.numRowsDroppedByWatermark()).isEqualTo(1);
    }

    @Test
    void updateEmitsChangedWindowsAndNotTheLateOnes() throws IOException {
        writeInput(1, "12:00:05", "12:00:08");
        writeInput(2, "12:00:17");
        writeInput(3, "12:00:31", "12:00:02");
        writeInput(4, "12:00:09");

        List<List<Row>> batches = run("update", dir.resolve("checkpoint"));

        assertThat(batches).containsExactly(List.of(window("12:00:00", "12:00:10", 2)),
                List.of(window("12:00:10", "12:00:20", 1)),
                List.of(window("12:00:00", "12:00:10", 3), window("12:00:30", "12:00:40", 1)), List.of());
    }

    @Test
    void theWatermarkIsLoggedWithTheNextBatchAndReportedInProgress() throws IOException {
        writeInput(1, "12:00:05", "12:00:08");
        writeInput(2, "12:00:17");
        Path checkpoint = dir.resolve("checkpoint");

        run("append", checkpoint);

        assertThat(Files.readString(checkpoint.resolve("offsets/0"))).contains("\"batchWatermarkMs\":0,");
        assertThat(Files.readString(checkpoint.resolve("offsets/1")))
                .contains("\"batchWatermarkMs\":" + millis("12:00:03") + ",");
        assertThat(progress.get(1).eventTime()).containsExactly(Map.entry("avg", "2024-01-01T12:00:17.000Z"),
                Map.entry("max", "2024-01-01T12:00:17.000Z"), Map.entry("min", "2024-01-01T12:00:17.000Z"),
                Map.entry("watermark", "2024-01-01T12:00:03.000Z"));
        assertThat(progress.get(0).toJson()).contains("\"eventTime\":{\"avg\":\"2024-01-01T12:00:06.500Z\","
                + "\"max\":\"2024-01-01T12:00:08.000Z\",\"min\":\"2024-01-01T12:00:05.000Z\","
                + "\"watermark\":\"1970-01-01T00:00:00.000Z\"}");
    }

    @Test
    void aRestartKeepsTheWatermarkAndTheState() throws IOException {
        writeInput(1, "12:00:05", "12:00:08");
        writeInput(2, "12:00:17");
        Path checkpoint = dir.resolve("checkpoint");
        List<List<Row>> first = run("append", checkpoint);
        writeInput(3, "12:00:31", "12:00:02");
        writeInput(4, "12:00:09");

        List<List<Row>> second = run("append", checkpoint);

        // The first run ends with a no-data batch that emits [12:00:00, 12:00:10) as the watermark passed it; after
        // the restart, rows for that window are late, and [12:00:10, 12:00:20), kept in state, is emitted.
        assertThat(first).containsExactly(List.of(), List.of(), List.of(window("12:00:00", "12:00:10", 2)));
        assertThat(second).containsExactly(List.of(), List.of(window("12:00:10", "12:00:20", 1)));
    }

    private static Row window(String start, String end, long count) {
        return Row.of(Row.of(Instant.ofEpochMilli(millis(start)), Instant.ofEpochMilli(millis(end))), count);
    }

    private static long millis(String time) {
        return Instant.parse("2024-01-01T" + time + "Z").toEpochMilli();
    }

    private void writeInput(int number, String... times) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("in"));
        Path file = folder.resolve(number + ".csv");
        StringBuilder text = new StringBuilder("ts,word\n");
        for (String time : times) {
            text.append("2024-01-01 ").append(time).append(",w\n");
        }
        Files.writeString(file, text);
        // The file source takes files in modification-time order: make it the number order.
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000L * number));
    }

    /** Runs the pipeline available-now on {@code checkpoint}; the rows each batch gave the sink, in batch order. */
    private List<List<Row>> run(String outputMode, Path checkpoint) throws IOException {
        Path file = dir.resolve("windows.sluice.json");
        Files.writeString(file, PIPELINE.formatted(outputMode));
        PipelineLoader.Loaded loaded = new PipelineLoader(NodeCatalog.standard()).load(file);
        assertThat(loaded.problems()).isEmpty();
        aggregation = (AggregateOperator) loaded.plan().steps().stream().filter(step -> step.nodeId().equals("agg"))
                .map(step -> ((PlannedNode.TransformNode) step.node()).operator()).findFirst().orElseThrow();
        EngineEnvironment environment = new EngineEnvironment(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new MemoryTables(), Clock.systemUTC(), ZoneOffset.UTC, 2);
        List<List<Row>> batches = new ArrayList<>();
        progress.clear();
        StreamingQuery query = StreamingQuery.create(loaded.plan(),
                new QueryOptions(new Trigger.AvailableNow(), checkpoint, 0), environment);
        query.addListener(new QueryListener() {
            @Override
            public boolean wantsBatchData() {
                return true;
            }

            @Override
            public void onBatchData(long batchId, Map<String, PartitionedBatch> outputs) {
                // Partitions give their rows in any order between them: sort for the comparison.
                List<Row> rows = new ArrayList<>(outputs.get("out").toBatch().rows());
                rows.sort(java.util.Comparator.comparing(Row::toString));
                batches.add(rows);
            }

            @Override
            public void onProgress(QueryProgress next) {
                progress.add(next);
            }
        });
        query.start();
        query.awaitTermination();
        assertThat(query.exception()).isEmpty();
        return batches;
    }
}
