package sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.diag.SluiceException;
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
        new NameCloseRuns(dir, PIPELINE).writeInput(name, lines);
    }

    /** Runs the pipeline available-now on {@code checkpoint}. */
    private List<Row> run(Path checkpoint) throws IOException {
        return new NameCloseRuns(dir, PIPELINE).run(checkpoint).rows("out");
    }
}
