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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.diag.Problem;
import sluice.engine.operator.AggregateOperator;
import sluice.engine.pipeline.Trigger;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.PipelineLoader;
import sluice.engine.plan.PlannedNode;
import sluice.engine.sink.MemoryTables;
import sluice.engine.types.PartitionedBatch;
import sluice.engine.types.Row;

/**
 * A file -> watermark -> session window count -> memory pipeline, one file per batch: a row that bridges sessions
 * kept in state merges them, late rows are dropped, append mode emits a session once the watermark passes its end,
 * and a restart goes on with the sessions in the checkpoint.
 */
class SessionWindowTest {
    private static final String PIPELINE = """
            {"format": "sluice/1", "name": "sessions", "nodes": [
              {"id": "in", "type": "source.file", "options": {"path": "in", "format": "csv", "header": "true",
               "schema": "ts TIMESTAMP, user STRING", "maxFilesPerTrigger": "1"}},
              {"id": "wm", "type": "transform.watermark", "inputs": ["in"],
               "options": {"eventTime": "ts", "delayThreshold": "5 seconds"}},
              {"id": "agg", "type": "transform.aggregate", "inputs": ["wm"],
               "options": {"groupBy": ["user", "%s"], "aggregations": ["count(*) AS n"]}},
              {"id": "out", "type": "sink.memory", "inputs": ["agg"],
               "options": {"queryName": "out", "outputMode": "%s"}}
            ]}
            """;
    private static final String STATIC_GAP = "session_window(ts, '10 seconds')";

    @TempDir
    Path dir;

    private AggregateOperator aggregation;

    @Test
    void appendMergesSessionsAcrossBatchesAndEmitsEachOnceTheWatermarkPassesItsEnd() throws IOException {
        writeSessions();

        List<List<Row>> batches = run(STATIC_GAP, "append", dir.resolve("checkpoint"));

        // 12:00:28 joins [12:00:20, 12:00:30) and [12:00:33, 12:00:43) into one session of three rows. 12:00:01 is
        // not late yet: late rows are those behind the previous batch's watermark (Spark's for late events), 0 here.
        assertThat(batches).containsExactly(List.of(), List.of(session("a", "12:00:00", "12:00:11", 2)), List.of(),
                List.of(session("a", "12:00:20", "12:00:43", 3)));
    }

    @Test
    void aRowWhoseSessionEndsAtOrBehindTheWatermarkIsDroppedAndCounted() throws IOException {
        writeInput(1, "12:00:00 a", "12:00:20 a");
        writeInput(2, "12:00:04 a");
        writeInput(3, "12:00:03 a");

        List<List<Row>> batches = run(STATIC_GAP, "append", dir.resolve("checkpoint"));

        // The watermark for late rows in the third batch is the second's, 12:00:15: 12:00:03's session would end at
        // 12:00:13. In the second it was still the first batch's, 0, so 12:00:04 joined the first session.
        assertThat(batches).containsExactly(List.of(), List.of(session("a", "12:00:00", "12:00:14", 2)), List.of());
        assertThat(aggregation.numRowsDroppedByWatermark()).isEqualTo(1);
    }

    @Test
    void completeKeepsEverySession() throws IOException {
        writeSessions();

        List<List<Row>> batches = run(STATIC_GAP, "complete", dir.resolve("checkpoint"));

        assertThat(batches.get(batches.size() - 1)).containsExactly(session("a", "12:00:00", "12:00:11", 2),
                session("a", "12:00:20", "12:00:43", 3), session("b", "12:01:00", "12:01:10", 1));
    }

    @Test
    void aDynamicGapGivesEachRowItsOwnSessionLengthAndDropsRowsWithoutAPositiveGap() throws IOException {
        writeInput(1, "12:00:00 a", "12:00:08 a", "12:00:00 b", "12:00:08 b", "12:00:09 c");

        List<List<Row>> batches = run("session_window(ts, CASE WHEN user = 'a' THEN '10 seconds' WHEN user = 'b' "
                + "THEN '2 seconds' ELSE '0 seconds' END)", "complete", dir.resolve("checkpoint"));

        assertThat(batches).containsExactly(List.of(session("a", "12:00:00", "12:00:18", 2),
                session("b", "12:00:00", "12:00:02", 1), session("b", "12:00:08", "12:00:10", 1)));
    }

    @Test
    void aDynamicGapOfMonthsAddsThemOnTheCalendarAsSparkAddsACalendarInterval() throws IOException {
        writeInput(1, "12:00:00 a", "12:00:00 b", "12:00:00 c");

        List<List<Row>> batches = run("session_window(ts, CASE WHEN user = 'a' THEN '1 month 2 seconds' "
                + "WHEN user = 'b' THEN '1 year' ELSE '-1 month' END)", "complete", dir.resolve("checkpoint"));

        // A session that would end before it starts (c's) takes no part, as in Spark.
        assertThat(batches).containsExactly(List.of(
                Row.of("a", Row.of(instant("12:00:00"), Instant.parse("2024-02-01T12:00:02Z")), 1L),
                Row.of("b", Row.of(instant("12:00:00"), Instant.parse("2025-01-01T12:00:00Z")), 1L)));
    }

    @Test
    void aDynamicGapThatIsABareNumberIsNoIntervalSoItsRowsTakeNoPart() throws IOException {
        writeInput(1, "12:00:00 a", "12:00:08 a", "12:00:00 b");

        // Spark casts '5' to a NULL interval (a unit is required), and a row without a gap is left out.
        List<List<Row>> batches = run("session_window(ts, CASE WHEN user = 'a' THEN '5' ELSE '2 seconds' END)",
                "complete", dir.resolve("checkpoint"));

        assertThat(batches).containsExactly(List.of(session("b", "12:00:00", "12:00:02", 1)));
    }

    @Test
    void aRestartedQueryMergesNewRowsWithTheSessionsInItsCheckpoint() throws IOException {
        writeInput(1, "12:00:00 a", "12:00:20 a", "12:00:33 a");
        Path checkpoint = dir.resolve("checkpoint");
        List<List<Row>> first = run(STATIC_GAP, "append", checkpoint);
        writeInput(2, "12:00:28 a", "12:00:01 a");
        writeInput(3, "12:01:00 b");

        List<List<Row>> second = run(STATIC_GAP, "append", checkpoint);

        assertThat(first).containsExactly(List.of(), List.of(session("a", "12:00:00", "12:00:10", 1)));
        assertThat(second).containsExactly(List.of(), List.of(), List.of(session("a", "12:00:20", "12:00:43", 3)));
    }

    @Test
    void aBatchRunAgainAfterACrashBeforeItsCommitMergesItsRowsOnce() throws IOException {
        writeInput(1, "12:00:00 a", "12:00:20 a");
        writeInput(2, "12:00:10 a");
        Path checkpoint = dir.resolve("checkpoint");
        run(STATIC_GAP, "complete", checkpoint);
        // A crash after the second batch wrote its state (the two sessions replaced by one) and its sink.
        Files.delete(checkpoint.resolve("commits/1"));

        List<List<Row>> rerun = run(STATIC_GAP, "complete", checkpoint);

        assertThat(rerun).containsExactly(List.of(session("a", "12:00:00", "12:00:30", 3)));
    }

    @Test
    void updateModeIsRefusedAsSparkRefusesItForSessionWindows() throws IOException {
        Files.createDirectories(dir.resolve("in"));
        Path file = dir.resolve("sessions.sluice.json");
        Files.writeString(file, PIPELINE.formatted(STATIC_GAP, "update"));

        List<Problem> problems = new PipelineLoader(NodeCatalog.standard()).load(file).problems();

        assertThat(problems).extracting(Problem::render).containsExactly("out / outputMode: Update output mode not "
                + "supported for session window on streaming DataFrames/DataSets; use 'append' or 'complete'");
    }

    /** Three files: sessions of a; a row that bridges two of them and a late one; a row of b far ahead. */
    private void writeSessions() throws IOException {
        writeInput(1, "12:00:00 a", "12:00:20 a", "12:00:33 a");
        writeInput(2, "12:00:28 a", "12:00:01 a");
        writeInput(3, "12:01:00 b");
    }

    private static Row session(String user, String start, String end, long count) {
        return Row.of(user, Row.of(instant(start), instant(end)), count);
    }

    private static Instant instant(String time) {
        return Instant.parse("2024-01-01T" + time + "Z");
    }

    /** Writes {@code in/<number>.csv}; each line is a time of 2024-01-01 and a user. */
    private void writeInput(int number, String... lines) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("in"));
        Path file = folder.resolve(number + ".csv");
        StringBuilder text = new StringBuilder("ts,user\n");
        for (String line : lines) {
            String[] parts = line.split(" ");
            text.append("2024-01-01 ").append(parts[0]).append(',').append(parts[1]).append('\n');
        }
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000L * number));
    }

    /** Runs the pipeline available-now on {@code checkpoint}; the rows each batch gave the sink, in batch order. */
    private List<List<Row>> run(String session, String outputMode, Path checkpoint) throws IOException {
        Path file = dir.resolve("sessions.sluice.json");
        Files.writeString(file, PIPELINE.formatted(session, outputMode));
        PipelineLoader.Loaded loaded = new PipelineLoader(NodeCatalog.standard()).load(file);
        assertThat(loaded.problems()).isEmpty();
        aggregation = (AggregateOperator) loaded.plan().steps().stream().filter(step -> step.nodeId().equals("agg"))
                .map(step -> ((PlannedNode.TransformNode) step.node()).operator()).findFirst().orElseThrow();
        EngineEnvironment environment = new EngineEnvironment(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new MemoryTables(), Clock.systemUTC(), ZoneOffset.UTC, 2);
        List<List<Row>> batches = new ArrayList<>();
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
                rows.sort(Comparator.comparing(Row::toString));
                batches.add(rows);
            }
        });
        query.start();
        query.awaitTermination();
        assertThat(query.exception()).isEmpty();
        return batches;
    }
}
