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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.pipeline.Trigger;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.PipelineLoader;
import sluice.engine.sink.MemoryTables;
import sluice.engine.types.Row;

/**
 * A file -> dropDuplicates -> memory pipeline keeps the first row of each key, within a batch and across batches, and
 * a run started again from its checkpoint still knows the keys it saw before.
 */
class DropDuplicatesRestartTest {
    private static final String PIPELINE = """
            {"format": "sluice/1", "name": "dedup", "nodes": [
              {"id": "in", "type": "source.file", "options": {"path": "in", "format": "csv", "header": "true",
               "schema": "Name STRING, Close DOUBLE", "maxFilesPerTrigger": "1"}},
              {"id": "dedup", "type": "transform.dropDuplicates", "inputs": ["in"], "options": {"columns": ["name"]}},
              {"id": "out", "type": "sink.memory", "inputs": ["dedup"],
               "options": {"queryName": "out", "outputMode": "append"}}
            ]}
            """;

    @TempDir
    Path dir;

    @Test
    void theFirstRowOfEachKeyPassesAcrossBatchesAndRestarts() throws IOException {
        writeInput("1.csv", "A,1.0", "B,2.0", "A,3.0");
        writeInput("2.csv", "B,4.0", "C,5.0");
        Path checkpoint = dir.resolve("checkpoint");
        List<Row> first = run(checkpoint);
        writeInput("3.csv", "C,6.0", "A,7.0", "D,8.0", ",9.0", ",10.0");

        List<Row> restarted = run(checkpoint);

        assertThat(first).containsExactlyInAnyOrder(Row.of("A", 1.0), Row.of("B", 2.0), Row.of("C", 5.0));
        assertThat(restarted).containsExactlyInAnyOrder(Row.of("D", 8.0), Row.of(null, 9.0));
    }

    private void writeInput(String name, String... lines) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("in"));
        Path file = folder.resolve(name);
        Files.writeString(file, "Name,Close\n" + String.join("\n", lines) + "\n");
        // The file source takes files in modification-time order: make it the name order.
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000L * Integer.parseInt(name.substring(0,
                name.indexOf('.')))));
    }

    /** Runs the pipeline available-now on {@code checkpoint}; the rows the memory sink received in this run. */
    private List<Row> run(Path checkpoint) throws IOException {
        Path file = dir.resolve("dedup.sluice.json");
        Files.writeString(file, PIPELINE);
        PipelineLoader.Loaded loaded = new PipelineLoader(NodeCatalog.standard()).load(file);
        assertThat(loaded.problems()).isEmpty();
        MemoryTables memory = new MemoryTables();
        EngineEnvironment environment = new EngineEnvironment(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), memory, Clock.systemUTC(), ZoneOffset.UTC, 2);
        StreamingQuery query = StreamingQuery.create(loaded.plan(),
                new QueryOptions(new Trigger.AvailableNow(), checkpoint, 0), environment).start();
        query.awaitTermination();
        return memory.table("out").orElseThrow().rows();
    }
}
