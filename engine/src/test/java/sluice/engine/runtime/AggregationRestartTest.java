package sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.diag.SluiceException;
import sluice.engine.pipeline.Trigger;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.PipelineLoader;
import sluice.engine.sink.MemoryTables;
import sluice.engine.types.Row;

/**
 * A file -> aggregate -> memory pipeline stopped and started again from its checkpoint goes on with the state it had:
 * its result equals an uninterrupted run's, with no row counted twice, also when a batch is re-run after a crash.
 */
class AggregationRestartTest {
    private static final String PIPELINE = """
            {"format": "sluice/1", "name": "counts", "nodes": [
              {"id": "in", "type": "source.file", "options": {"path": "in", "format": "csv", "header": "true",
               "schema": "Name STRING, Close DOUBLE", "maxFilesPerTrigger": "1"}},
              {"id": "agg", "type": "transform.aggregate", "inputs": ["in"],
               "options": {"groupBy": ["Name"], "aggregations": ["count(*) AS n", "sum(Close)", "max(Close)"]}},
              {"id": "out", "type": "sink.memory", "inputs": ["agg"],
               "options": {"queryName": "out", "outputMode": "complete"}}
            ]}
            """;

    @TempDir
    Path dir;

    @Test
    void aRestartedAggregationGoesOnWithItsState() throws IOException {
        writeInput("1.csv", "A,1.0", "B,2.0");
        writeInput("2.csv", "A,3.0");
        Path checkpoint = dir.resolve("checkpoint");
        run(checkpoint);
        writeInput("3.csv", "B,5.0", "C,7.0", "A,0.5");

        List<Row> restarted = run(checkpoint);

        assertThat(restarted).containsExactlyInAnyOrder(Row.of("A", 3L, 4.5, 3.0), Row.of("B", 2L, 7.0, 5.0),
                Row.of("C", 1L, 7.0, 7.0));
        assertThat(restarted).containsExactlyInAnyOrderElementsOf(run(dir.resolve("uninterrupted")));
    }

    @Test
    void aBatchRunAgainAfterACrashBeforeItsCommitCountsItsRowsOnce() throws IOException {
        writeInput("1.csv", "A,1.0");
        writeInput("2.csv", "A,2.0", "B,4.0");
        Path checkpoint = dir.resolve("checkpoint");
        run(checkpoint);
        // A crash after batch 1 wrote its state (version 2) and its sink, before its commit.
        Files.delete(checkpoint.resolve("commits/1"));

        List<Row> rerun = run(checkpoint);

        assertThat(rerun).containsExactlyInAnyOrder(Row.of("A", 2L, 3.0, 2.0), Row.of("B", 1L, 4.0, 4.0));
    }

    @Test
    void theStateIsKeptInSparksLayoutWithItsPartitionsInTheOffsetsLog() throws IOException {
        writeInput("1.csv", "A,1.0");
        writeInput("2.csv", "B,2.0");
        Path checkpoint = dir.resolve("checkpoint");

        run(checkpoint);

        try (Stream<Path> partitions = Files.list(checkpoint.resolve("state/0"))) {
            assertThat(partitions.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("0", "1", "2", "3", "4", "5", "6", "7");
        }
        try (Stream<Path> files = Files.list(checkpoint.resolve("state/0/0"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("1.delta", "2.delta");
        }
        assertThat(Files.readString(checkpoint.resolve("offsets/1")))
                .contains("\"conf\":{\"spark.sql.shuffle.partitions\":\"8\"}");
    }

    @Test
    void aMissingStateFileStopsTheQueryNamingTheOperatorAndTheBatch() throws IOException {
        writeInput("1.csv", "A,1.0");
        writeInput("2.csv", "B,2.0");
        Path checkpoint = dir.resolve("checkpoint");
        run(checkpoint);
        Path missing = checkpoint.resolve("state/0/3/2.delta");
        Files.delete(missing);
        writeInput("3.csv", "C,3.0");

        assertThatThrownBy(() -> run(checkpoint)).isInstanceOf(SluiceException.class)
                .hasMessage("agg: cannot load the state of operator 0 ('agg') partition 3 for batch 2: file '"
                        + missing + "' is missing; the checkpoint is damaged");
    }

    @Test
    void aDamagedStateFileStopsTheQueryNamingTheOperatorAndTheBatch() throws IOException {
        writeInput("1.csv", "A,1.0");
        writeInput("2.csv", "B,2.0");
        Path checkpoint = dir.resolve("checkpoint");
        run(checkpoint);
        Path damaged = checkpoint.resolve("state/0/5/1.delta");
        Files.writeString(damaged, "not state");
        writeInput("3.csv", "C,3.0");

        assertThatThrownBy(() -> run(checkpoint)).isInstanceOf(SluiceException.class)
                .hasMessage("agg: cannot load the state of operator 0 ('agg') partition 5 for batch 2: file '"
                        + damaged + "' is damaged: it is not a Sluice state file; the checkpoint is damaged");
    }

    private void writeInput(String name, String... lines) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("in"));
        Path file = folder.resolve(name);
        Files.writeString(file, "Name,Close\n" + String.join("\n", lines) + "\n");
        // The file source takes files in modification-time order: make it the name order.
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(
                1_000_000L * Integer.parseInt(name.substring(0, name.indexOf('.')))));
    }

    /** Runs the pipeline available-now on {@code checkpoint}; the memory table, or the failure thrown. */
    private List<Row> run(Path checkpoint) throws IOException {
        Path file = dir.resolve("counts.sluice.json");
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
