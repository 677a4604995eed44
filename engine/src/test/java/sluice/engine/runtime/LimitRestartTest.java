package sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.types.Row;

/**
 * A file -> limit -> memory pipeline in append mode passes the first n rows of the whole stream, batch after batch,
 * and a run started again from its checkpoint goes on counting from where it stopped.
 */
class LimitRestartTest {
    private static final String PIPELINE = """
            {"format": "sluice/1", "name": "limit", "nodes": [
              {"id": "in", "type": "source.file", "options": {"path": "in", "format": "csv", "header": "true",
               "schema": "Name STRING, Close DOUBLE", "maxFilesPerTrigger": "1"}},
              {"id": "first", "type": "transform.limit", "inputs": ["in"], "options": {"n": "4"}},
              {"id": "out", "type": "sink.memory", "inputs": ["first"],
               "options": {"queryName": "out", "outputMode": "append"}}
            ]}
            """;

    @TempDir
    Path dir;

    @Test
    void theFirstRowsOfTheStreamPassAcrossBatchesAndRestarts() throws IOException {
        writeInput("1.csv", "A,1.0", "B,2.0");
        writeInput("2.csv", "C,3.0");
        Path checkpoint = dir.resolve("checkpoint");
        List<Row> first = run(checkpoint);
        writeInput("3.csv", "D,4.0", "E,5.0");
        writeInput("4.csv", "F,6.0");

        List<Row> restarted = run(checkpoint);

        assertThat(first).containsExactly(Row.of("A", 1.0), Row.of("B", 2.0), Row.of("C", 3.0));
        assertThat(restarted).containsExactly(Row.of("D", 4.0));
    }

    private void writeInput(String name, String... lines) throws IOException {
        new NameCloseRuns(dir, PIPELINE).writeInput(name, lines);
    }

    /** Runs the pipeline available-now on {@code checkpoint}. */
    private List<Row> run(Path checkpoint) throws IOException {
        return new NameCloseRuns(dir, PIPELINE).run(checkpoint).rows("out");
    }
}
