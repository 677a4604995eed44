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
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.pipeline.Trigger;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.PipelineLoader;
import sluice.engine.sink.MemoryTables;
import sluice.engine.types.Row;

/**
 * dropDuplicates after a watermark, as Spark's: rows behind the watermark are dropped as late; withinWatermark
 * forgets a key once the watermark passes its first row's event time plus the delay, so a later row of the key
 * passes again; withinWatermark without a watermark is refused.
 */
class DropDuplicatesWatermarkTest {
    @TempDir
    Path dir;

    @BeforeEach
    void input() throws IOException {
        // The watermark (5 seconds) reaches 12:00:03 after the first file, 12:00:12 after the second, 12:00:26
        // after the third.
        writeInput("1.csv", "2024-01-01 12:00:05,a,1", "2024-01-01 12:00:08,b,2", ",a,3");
        writeInput("2.csv", "2024-01-01 12:00:17,a,4", "2024-01-01 12:00:12,b,5");
        writeInput("3.csv", "2024-01-01 12:00:31,a,6", "2024-01-01 12:00:02,b,7", "2024-01-01 12:00:14,a,8");
        writeInput("4.csv", "2024-01-01 12:00:09,a,9", "2024-01-01 12:00:36,b,10", "2024-01-01 12:00:44,a,11");
    }

    @Test
    void withinWatermarkForgetsAKeyOnceTheWatermarkPassesItsEventTimePlusTheDelay() throws IOException {
        List<Row> rows = run("""
                {"columns": ["word"], "withinWatermark": "true"}""").rows();

        // 'a' expires at 12:00:10 and 'b' at 12:00:13. A batch evicts after it filters, as Spark's: the third file
        // still finds 'a' (evicted at its end, at 12:00:12), the fourth still finds 'b' (evicted at 12:00:26) but
        // no longer 'a', so its 12:00:44 'a' passes again; its 12:00:09 'a' is late.
        assertThat(rows).containsExactlyInAnyOrder(row("12:00:05", "a", 1), row("12:00:08", "b", 2),
                row("12:00:44", "a", 11));
    }

    @Test
    void rowsBehindTheWatermarkAreDroppedAsLate() throws IOException {
        List<Row> rows = run("""
                {"columns": ["n"]}""").rows();

        assertThat(rows).extracting(row -> row.get(2)).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 8, 10, 11);
    }

    @Test
    void progressNamesTheStateAsSparkAndCountsLateRowsAndTheKeysLeft() throws IOException {
        List<QueryProgress> progress = run("""
                {"columns": ["word"], "withinWatermark": "true"}""").progress();

        assertThat(progress).allSatisfy(batch -> assertThat(batch.stateOperators())
                .extracting(QueryProgress.StateOperatorProgress::operatorName)
                .containsExactly("dedupeWithinWatermark"));
        // 12:00:02 'b' and 12:00:09 'a' are late; only the 12:00:44 'a' (until 12:00:49) is left.
        assertThat(progress.stream().mapToLong(batch -> batch.stateOperators().get(0).numRowsDroppedByWatermark())
                .sum()).isEqualTo(2);
        assertThat(progress.get(progress.size() - 1).stateOperators().get(0).metrics().numRowsTotal()).isEqualTo(1);
    }

    @Test
    void afterAnAppendAggregationTheWindowKeyIsTheEventTimeSoEmittedWindowsLeaveTheState() throws IOException {
        String windows = """
                {"id": "agg", "type": "transform.aggregate", "inputs": ["wm"],
                 "options": {"groupBy": ["window(ts, '10 seconds')"], "aggregations": ["count(*) AS c"]}}""";
        List<Row> aggregated = runThrough(windows, "agg").rows();
        deleteCheckpoint();

        Run deduplicated = runThrough(windows + """
                ,
                {"id": "dedup", "type": "transform.dropDuplicates", "inputs": ["agg"],
                 "options": {"columns": ["window"]}}""", "dedup");

        // As Spark's: a window is emitted once the watermark passes its end, so it is not late at the
        // deduplication, and leaves its state in the same batch (its end is behind the batch's watermark).
        assertThat(aggregated).isNotEmpty();
        assertThat(deduplicated.rows()).containsExactlyInAnyOrderElementsOf(aggregated);
        List<QueryProgress.StateOperatorProgress> dedupes = deduplicated.progress().stream()
                .flatMap(batch -> batch.stateOperators().stream())
                .filter(operator -> operator.operatorName().equals("dedupe")).toList();
        assertThat(dedupes).hasSize(deduplicated.progress().size());
        assertThat(dedupes).allSatisfy(operator -> {
            assertThat(operator.metrics().numRowsTotal()).isZero();
            assertThat(operator.numRowsDroppedByWatermark()).isZero();
        });
        assertThat(dedupes.stream().mapToLong(operator -> operator.metrics().numRowsUpdated()).sum())
                .isEqualTo(aggregated.size());
        assertThat(dedupes.stream().mapToLong(operator -> operator.metrics().numRowsRemoved()).sum())
                .isEqualTo(aggregated.size());
    }

    @Test
    void withinWatermarkWithoutAWatermarkIsRefused() throws IOException {
        Path file = dir.resolve("refused.sluice.json");
        Files.writeString(file, """
                {"format": "sluice/1", "name": "refused", "nodes": [
                  {"id": "in", "type": "source.file", "options": {"path": "in", "format": "csv", "header": "true",
                   "schema": "ts TIMESTAMP, word STRING, n INT"}},
                  {"id": "dedup", "type": "transform.dropDuplicates", "inputs": ["in"],
                   "options": {"withinWatermark": "true"}},
                  {"id": "out", "type": "sink.memory", "inputs": ["dedup"],
                   "options": {"queryName": "out", "outputMode": "append"}}
                ]}
                """);

        PipelineLoader.Loaded loaded = new PipelineLoader(NodeCatalog.standard()).load(file);

        assertThat(loaded.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(ErrorCode.UNSUPPORTED_IN_STREAMING);
            assertThat(problem.where()).isEqualTo(Position.option("dedup", "withinWatermark"));
            assertThat(problem.message()).isEqualTo("dropDuplicatesWithinWatermark is not supported on streaming "
                    + "DataFrames/DataSets without watermark; add a 'transform.watermark' above whose event-time "
                    + "column reaches this node");
        });
    }

    private void deleteCheckpoint() throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("checkpoint"))) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static Row row(String time, String word, int n) {
        return Row.of(Instant.parse("2024-01-01T" + time + "Z"), word, n);
    }

    private void writeInput(String name, String... lines) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("in"));
        Path file = folder.resolve(name);
        Files.writeString(file, "ts,word,n\n" + String.join("\n", lines) + "\n");
        // The file source takes files in modification-time order: make it the name order.
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000L * Integer.parseInt(name.substring(0,
                name.indexOf('.')))));
    }

    /** The rows a run wrote and its batches' progress. */
    private record Run(List<Row> rows, List<QueryProgress> progress) {}

    /** Runs file -> watermark (ts, 5 seconds) -> dropDuplicates with {@code options} -> memory, available-now. */
    private Run run(String options) throws IOException {
        String dedup = """
                {"id": "dedup", "type": "transform.dropDuplicates", "inputs": ["wm"], "options": %s}""";
        return runThrough(dedup.formatted(options), "dedup");
    }

    /**
     * Runs file -> watermark (ts, 5 seconds) -> the nodes {@code transforms} (JSON, the first reading "wm") -> memory
     * (append, from node {@code last}), available-now.
     */
    private Run runThrough(String transforms, String last) throws IOException {
        Path file = dir.resolve("dedup.sluice.json");
        Files.writeString(file, """
                {"format": "sluice/1", "name": "dedup", "nodes": [
                  {"id": "in", "type": "source.file", "options": {"path": "in", "format": "csv", "header": "true",
                   "schema": "ts TIMESTAMP, word STRING, n INT", "maxFilesPerTrigger": "1"}},
                  {"id": "wm", "type": "transform.watermark", "inputs": ["in"],
                   "options": {"eventTime": "ts", "delayThreshold": "5 seconds"}},
                  %s,
                  {"id": "out", "type": "sink.memory", "inputs": ["%s"],
                   "options": {"queryName": "out", "outputMode": "append"}}
                ]}
                """.formatted(transforms, last));
        PipelineLoader.Loaded loaded = new PipelineLoader(NodeCatalog.standard()).load(file);
        assertThat(loaded.problems()).isEmpty();
        MemoryTables memory = new MemoryTables();
        EngineEnvironment environment = new EngineEnvironment(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), memory, Clock.systemUTC(), ZoneOffset.UTC, 2);
        StreamingQuery query = StreamingQuery.create(loaded.plan(),
                new QueryOptions(new Trigger.AvailableNow(), dir.resolve("checkpoint"), 0), environment);
        List<QueryProgress> progress = new CopyOnWriteArrayList<>();
        query.addListener(new QueryListener() {
            @Override
            public void onProgress(QueryProgress event) {
                progress.add(event);
            }
        });
        query.start().awaitTermination();
        return new Run(memory.table("out").orElseThrow().rows(), progress);
    }
}
