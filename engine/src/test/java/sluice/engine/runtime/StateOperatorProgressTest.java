package sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.pipeline.Trigger;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.PipelineLoader;
import sluice.engine.sink.MemoryTables;

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

    private void writeInput(String name, String... lines) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("in"));
        Path file = folder.resolve(name);
        Files.writeString(file, "Name,Close\n" + String.join("\n", lines) + "\n");
        // The file source takes files in modification-time order: make it the name order.
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000L * Integer.parseInt(name.substring(0,
                name.indexOf('.')))));
    }

    private List<QueryProgress> run(Path checkpoint) throws IOException {
        Path file = dir.resolve("state.sluice.json");
        Files.writeString(file, PIPELINE);
        PipelineLoader.Loaded loaded = new PipelineLoader(NodeCatalog.standard()).load(file);
        assertThat(loaded.problems()).isEmpty();
        EngineEnvironment environment = new EngineEnvironment(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new MemoryTables(), Clock.systemUTC(), ZoneOffset.UTC, 2);
        List<QueryProgress> progress = new CopyOnWriteArrayList<>();
        StreamingQuery query = StreamingQuery.create(loaded.plan(),
                new QueryOptions(new Trigger.AvailableNow(), checkpoint, 0), environment);
        query.addListener(new QueryListener() {
            @Override
            public void onProgress(QueryProgress event) {
                progress.add(event);
            }
        });
        query.start().awaitTermination();
        return progress;
    }
}
