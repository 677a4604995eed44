package sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each batch's progress carries Spark's {@code stateOperators}: one entry per stateful operator, in plan order, with
 * the rows its state holds and the rows the batch wrote, also after a restart from the checkpoint.
 */
class StateOperatorProgressTest {
    private static final String PIPELINE = """
            {"format": "sluice/1", "name": "state", "nodes": [
              {"id": "in", "type": "source.file", "options": {"path": "in", "format": "csv", "header": "true",
               "schema": "Name STRING, Close DOUBLE", "maxFilesPerTrigger": "1"}},
              {"id": "agg", "type": "transform.aggregate", "inputs": ["in"],
               "options": {"groupBy": ["Name"], "aggregations": ["count(*) AS n"]}},
              {"id": "counts", "type": "sink.memory", "inputs": ["agg"],
               "options": {"queryName": "counts", "outputMode": "update"}},
              {"id": "dedup", "type": "transform.dropDuplicates", "inputs": ["in"], "options": {"columns": ["Close"]}},
              {"id": "firsts", "type": "sink.memory", "inputs": ["dedup"],
               "options": {"queryName": "firsts", "outputMode": "append"}}
            ]}
            """;

    @TempDir
    Path dir;

    @Test
    void progressGivesEachStatefulOperatorsRowsInSparksShape() throws IOException {
        writeInput("1.csv", "A,1.0", "B,2.0", "A,1.0");
        writeInput("2.csv", "C,3.0", "A,3.0");
        Path checkpoint = dir.resolve("checkpoint");

        List<QueryProgress> progress = run(checkpoint);

        assertThat(progress).hasSize(2);
        List<QueryProgress.StateOperatorProgress> second = progress.get(1).stateOperators();
        assertThat(second).extracting(QueryProgress.StateOperatorProgress::operatorName,
                QueryProgress.StateOperatorProgress::nodeId).containsExactly(
                        tuple("stateStoreSave", "agg"),
                        tuple("dedupe", "dedup"));
        assertThat(second.get(0).metrics().numRowsTotal()).isEqualTo(3);
        assertThat(second.get(0).metrics().numRowsUpdated()).isEqualTo(2);
        assertThat(second.get(1).metrics().numRowsTotal()).isEqualTo(3);
        assertThat(second.get(1).metrics().numRowsUpdated()).isEqualTo(1);
        assertThat(second.get(0).metrics().memoryUsedBytes()).isPositive();
        assertThat(progress.get(1).toJson()).contains("\"stateOperators\":[{\"operatorName\":\"stateStoreSave\","
                + "\"numRowsTotal\":3,\"numRowsUpdated\":2,\"numRowsRemoved\":0,\"memoryUsedBytes\":");
    }

    @Test
    void aRestartedQueryCountsTheRowsOfItsRestoredState() throws IOException {
        writeInput("1.csv", "A,1.0", "B,2.0");
        Path checkpoint = dir.resolve("checkpoint");
        run(checkpoint);
        writeInput("2.csv", "C,3.0");

        List<QueryProgress> restarted = run(checkpoint);

        assertThat(restarted).hasSize(1);
        assertThat(restarted.get(0).stateOperators().get(0).metrics().numRowsTotal()).isEqualTo(3);
        assertThat(restarted.get(0).stateOperators().get(0).metrics().numRowsUpdated()).isEqualTo(1);
    }

    @Test
    void aJoinOfTwoStreamsCountsTheRowsBothSidesKeepAndTheRowsEachBatchAdded() throws IOException {
        NameCloseRuns runs = new NameCloseRuns(dir, """
                {"format": "sluice/1", "name": "join", "nodes": [
                  {"id": "in", "type": "source.file", "options": {"path": "in", "format": "csv", "header": "true",
                   "schema": "Name STRING, Close DOUBLE", "maxFilesPerTrigger": "1"}},
                  {"id": "again", "type": "source.file", "options": {"path": "in", "format": "csv", "header": "true",
                   "schema": "Name STRING, Close DOUBLE", "maxFilesPerTrigger": "1"}},
                  {"id": "other", "type": "transform.select", "inputs": ["again"],
                   "options": {"expressions": ["Name AS N2", "Close AS C2"]}},
                  {"id": "j", "type": "transform.join", "inputs": ["in", "other"], "options": {"on": "Name = N2"}},
                  {"id": "out", "type": "sink.memory", "inputs": ["j"],
                   "options": {"queryName": "pairs", "outputMode": "append"}}
                ]}
                """);
        runs.writeInput("1.csv", "A,1.0", "B,2.0");
        runs.writeInput("2.csv", "A,3.0");

        List<QueryProgress> progress = runs.run(dir.resolve("checkpoint")).progress();

        assertThat(progress).hasSize(2);
        QueryProgress.StateOperatorProgress join = progress.get(1).stateOperators().get(0);
        assertThat(join.operatorName()).isEqualTo("symmetricHashJoin");
        // Both sides keep 3 rows; the batch added one to each (matches marking kept rows do not count, as in Spark).
        assertThat(join.metrics().numRowsTotal()).isEqualTo(6);
        assertThat(join.metrics().numRowsUpdated()).isEqualTo(2);
    }

    private void writeInput(String name, String... lines) throws IOException {
        new NameCloseRuns(dir, PIPELINE).writeInput(name, lines);
    }

    /** Runs the pipeline available-now on {@code checkpoint}. */
    private List<QueryProgress> run(Path checkpoint) throws IOException {
        return new NameCloseRuns(dir, PIPELINE).run(checkpoint).progress();
    }
}
