package sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
        new NameCloseRuns(dir, PIPELINE).writeInput(name, lines);
    }

    /** Runs the pipeline available-now on {@code checkpoint}. */
    private List<Row> run(Path checkpoint) throws IOException {
        return new NameCloseRuns(dir, PIPELINE).run(checkpoint).rows("out");
    }
}
