package sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.operator.StateRows;
import sluice.engine.operator.StatefulOperator;
import sluice.engine.plan.PlannedNode;
import sluice.engine.plan.QueryPlan;
import sluice.engine.types.Batch;
import sluice.engine.types.Row;

/**
 * The state of a stateful operator after a committed batch, as rows for a viewer: published to listeners after every
 * batch, read back for an earlier batch from the checkpoint, and read by a query restarted on that checkpoint.
 */
class StateRowsTest {
    private static final String AGGREGATION = """
            {"format": "sluice/1", "name": "averages", "nodes": [
              {"id": "in", "type": "source.file", "options": {"path": "in", "format": "csv", "header": "true",
               "schema": "Name STRING, Close DOUBLE", "maxFilesPerTrigger": "1"}},
              {"id": "agg", "type": "transform.aggregate", "inputs": ["in"],
               "options": {"groupBy": ["Name"], "aggregations": ["avg(Close)", "count(*) AS n"]}},
              {"id": "out", "type": "sink.memory", "inputs": ["agg"],
               "options": {"queryName": "out", "outputMode": "update"}}
            ]}
            """;
    private static final String DEDUPLICATION = """
            {"format": "sluice/1", "name": "names", "nodes": [
              {"id": "in", "type": "source.file", "options": {"path": "in", "format": "csv", "header": "true",
               "schema": "Name STRING, Close DOUBLE", "maxFilesPerTrigger": "1"}},
              {"id": "dedup", "type": "transform.dropDuplicates", "inputs": ["in"], "options": {"columns": ["Name"]}},
              {"id": "out", "type": "sink.memory", "inputs": ["dedup"],
               "options": {"queryName": "out", "outputMode": "append"}}
            ]}
            """;

    @TempDir
    Path dir;

    /** Hears the state after every batch, on the query thread, as the workbench's listener does. */
    private static final class StateCollector implements QueryListener {
        private final int limit;
        final Map<Long, Map<String, StateRows>> byBatch = new TreeMap<>();

        StateCollector(int limit) {
            this.limit = limit;
        }

        @Override
        public int stateRowLimit() {
            return limit;
        }

        @Override
        public void onState(long batchId, Map<String, StateRows> states) {
            byBatch.put(batchId, states);
        }
    }

    @Test
    void everyBatchPublishesTheGroupsWithTheirAggregatesAsTheyWouldBeOutput() throws IOException {
        NameCloseRuns runs = aggregationInput();
        StateCollector collector = new StateCollector(100);

        runs.run(dir.resolve("checkpoint"), collector);

        assertThat(collector.byBatch.keySet()).containsExactly(0L, 1L, 2L);
        StateRows first = collector.byBatch.get(0L).get("agg");
        assertThat(first.rows().schema().names()).containsExactly("Name", "avg(Close)", "n");
        assertThat(rows(first)).containsExactly(Row.of("A", 1.0, 1L), Row.of("B", 2.0, 1L));
        assertThat(first.totalRows()).isEqualTo(2);
        // The copy of batch 0 is untouched by the batches after it.
        assertThat(rows(collector.byBatch.get(2L).get("agg"))).containsExactly(Row.of("A", 2.0, 2L),
                Row.of("B", 3.5, 2L), Row.of("C", 7.0, 1L));
    }

    @Test
    void anEarlierBatchsStateIsReadFromTheCheckpointAndTheLatestFromMemory() throws IOException {
        NameCloseRuns runs = aggregationInput();
        StateCollector collector = new StateCollector(100);

        NameCloseRuns.Run run = runs.run(dir.resolve("checkpoint"), collector);

        StatefulOperator agg = operator(run.plan(), "agg");
        for (long batchId = 0; batchId <= 2; batchId++) {
            assertThat(rows(agg.stateRows(batchId, 100))).as("batch %d", batchId)
                    .isEqualTo(rows(collector.byBatch.get(batchId).get("agg")));
        }
    }

    @Test
    void aQueryRestartedOnTheCheckpointReadsTheStateItWasStoppedWith() throws IOException {
        NameCloseRuns runs = aggregationInput();
        Path checkpoint = dir.resolve("checkpoint");
        runs.run(checkpoint);

        NameCloseRuns.Run restarted = runs.run(checkpoint);

        assertThat(restarted.progress()).isEmpty();
        StatefulOperator agg = operator(restarted.plan(), "agg");
        assertThat(rows(agg.stateRows(2, 100))).containsExactly(Row.of("A", 2.0, 2L), Row.of("B", 3.5, 2L),
                Row.of("C", 7.0, 1L));
        assertThat(rows(agg.stateRows(1, 100))).containsExactly(Row.of("A", 2.0, 2L), Row.of("B", 2.0, 1L));
    }

    @Test
    void aLimitKeepsTheFirstRowsInKeyOrderAndCountsThemAll() throws IOException {
        NameCloseRuns runs = aggregationInput();
        StateCollector collector = new StateCollector(2);

        runs.run(dir.resolve("checkpoint"), collector);

        StateRows last = collector.byBatch.get(2L).get("agg");
        assertThat(rows(last)).containsExactly(Row.of("A", 2.0, 2L), Row.of("B", 3.5, 2L));
        assertThat(last.totalRows()).isEqualTo(3);
        assertThat(last.isTruncated()).isTrue();
    }

    @Test
    void aMissingStateFileIsAProblemNamingTheOperatorAndTheBatch() throws IOException {
        NameCloseRuns runs = aggregationInput();
        Path checkpoint = dir.resolve("checkpoint");
        NameCloseRuns.Run run = runs.run(checkpoint);
        Path missing;
        try (var files = Files.list(checkpoint.resolve("state/0"))) {
            missing = files.map(partition -> partition.resolve("1.delta")).filter(Files::exists).findFirst()
                    .orElseThrow(() -> new AssertionError("no partition of operator 0 wrote version 1"));
        }
        Files.delete(missing);
        Path deleted = missing;

        assertThatThrownBy(() -> operator(run.plan(), "agg").stateRows(0, 100))
                .hasMessage("agg: cannot load the state of operator 0 ('agg') partition "
                        + deleted.getParent().getFileName() + " for batch 0: file '" + deleted
                        + "' is missing; the checkpoint is damaged");
    }

    @Test
    void deduplicationShowsTheKeysSeen() throws IOException {
        NameCloseRuns runs = new NameCloseRuns(dir, DEDUPLICATION);
        runs.writeInput("1.csv", "B,1.0", "A,2.0");
        runs.writeInput("2.csv", "A,3.0", "C,4.0");
        StateCollector collector = new StateCollector(100);

        runs.run(dir.resolve("checkpoint"), collector);

        StateRows first = collector.byBatch.get(0L).get("dedup");
        assertThat(first.rows().schema().names()).containsExactly("Name");
        assertThat(rows(first)).containsExactly(Row.of("A"), Row.of("B"));
        assertThat(rows(collector.byBatch.get(1L).get("dedup"))).containsExactly(Row.of("A"), Row.of("B"),
                Row.of("C"));
    }

    @Test
    void deduplicationWithinTheWatermarkShowsWhenEachKeyExpires() throws IOException {
        writeCsv("in/1.csv", 1, "2024-01-01 12:00:05,a", "2024-01-01 12:00:08,b", "2024-01-01 12:00:09,a");
        NameCloseRuns runs = new NameCloseRuns(dir, """
                {"format": "sluice/1", "name": "words", "nodes": [
                  {"id": "in", "type": "source.file", "options": {"path": "in", "format": "csv",
                   "schema": "ts TIMESTAMP, word STRING", "maxFilesPerTrigger": "1"}},
                  {"id": "wm", "type": "transform.watermark", "inputs": ["in"],
                   "options": {"eventTime": "ts", "delayThreshold": "5 seconds"}},
                  {"id": "dedup", "type": "transform.dropDuplicates", "inputs": ["wm"],
                   "options": {"columns": ["word"], "withinWatermark": "true"}},
                  {"id": "out", "type": "sink.memory", "inputs": ["dedup"],
                   "options": {"queryName": "out", "outputMode": "append"}}
                ]}
                """);
        StateCollector collector = new StateCollector(100);

        runs.run(dir.resolve("checkpoint"), collector);

        StateRows first = collector.byBatch.get(0L).get("dedup");
        assertThat(first.rows().schema().names()).containsExactly("word", "expiresAt");
        assertThat(rows(first)).containsExactly(Row.of("a", Instant.parse("2024-01-01T12:00:10Z")),
                Row.of("b", Instant.parse("2024-01-01T12:00:13Z")));
    }

    @Test
    void aStreamStreamJoinShowsTheRowsEachSideKeeps() throws IOException {
        writeCsv("left/1.csv", 1, "a,1");
        writeCsv("left/2.csv", 2, "b,2");
        writeCsv("right/1.csv", 1, "a,x");
        NameCloseRuns runs = new NameCloseRuns(dir, """
                {"format": "sluice/1", "name": "pairs", "nodes": [
                  {"id": "l", "type": "source.file", "options": {"path": "left", "format": "csv",
                   "schema": "k STRING, v INT", "maxFilesPerTrigger": "1"}},
                  {"id": "r", "type": "source.file", "options": {"path": "right", "format": "csv",
                   "schema": "rk STRING, w STRING", "maxFilesPerTrigger": "1"}},
                  {"id": "j", "type": "transform.join", "inputs": ["l", "r"], "options": {"on": "k = rk"}},
                  {"id": "out", "type": "sink.memory", "inputs": ["j"],
                   "options": {"queryName": "out", "outputMode": "append"}}
                ]}
                """);
        StateCollector collector = new StateCollector(100);

        runs.run(dir.resolve("checkpoint"), collector);

        StateRows last = collector.byBatch.get(1L).get("j");
        assertThat(last.rows().schema().names()).containsExactly("side", "k", "v", "rk", "w");
        assertThat(rows(last)).containsExactly(Row.of("left", "a", 1, null, null), Row.of("left", "b", 2, null, null),
                Row.of("right", null, null, "a", "x"));
    }

    private NameCloseRuns aggregationInput() throws IOException {
        NameCloseRuns runs = new NameCloseRuns(dir, AGGREGATION);
        runs.writeInput("1.csv", "B,2.0", "A,1.0");
        runs.writeInput("2.csv", "A,3.0");
        runs.writeInput("3.csv", "C,7.0", "B,5.0");
        return runs;
    }

    private void writeCsv(String path, int order, String... lines) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000L * order));
    }

    private static StatefulOperator operator(QueryPlan plan, String nodeId) {
        for (QueryPlan.Step step : plan.steps()) {
            if (step.nodeId().equals(nodeId) && step.node() instanceof PlannedNode.TransformNode transform) {
                return (StatefulOperator) transform.operator();
            }
        }
        throw new AssertionError("no node " + nodeId);
    }

    private static List<Row> rows(StateRows state) {
        Batch batch = state.rows();
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < batch.rowCount(); r++) {
            rows.add(batch.row(r));
        }
        return rows;
    }
}
