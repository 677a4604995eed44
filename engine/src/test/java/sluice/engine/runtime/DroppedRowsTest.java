package sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.diag.SluiceException;
import sluice.engine.source.file.RowCollector;

/**
 * Rows that go only to a sink that does not read them (noop): the reader then writes batch after batch into the same
 * arrays and the last filter only counts; the counts are still every batch's own, and a failing condition still
 * fails the run.
 */
class DroppedRowsTest {
    private static final int ROWS = RowCollector.BATCH_ROWS * 3 + 21;

    @TempDir
    Path dir;

    @Test
    void everyChunkIsCountedByItsOwnValues() throws Exception {
        StringBuilder csv = new StringBuilder();
        long kept = 0;
        for (int i = 0; i < ROWS; i++) {
            // Nulls only in the first chunk: one left over in the reused arrays would drop rows of the later chunks.
            boolean nullName = i < RowCollector.BATCH_ROWS && i % 7 == 0;
            csv.append(i).append(',').append(nullName ? "" : "n" + i % 4).append('\n');
            kept += !nullName && i % 3 != 0 ? 1 : 0;
        }
        Files.createDirectories(dir.resolve("in"));
        Files.writeString(dir.resolve("in/a.csv"), csv);

        List<QueryProgress> progress = run("i % 3 != 0 AND name IS NOT NULL");

        assertThat(progress).hasSize(1);
        assertThat(progress.get(0).numRowsByNode()).containsEntry("in", (long) ROWS).containsEntry("picked", kept);
        assertThat(progress.get(0).sinks().get(0).numOutputRows()).isEqualTo(kept);
    }

    @Test
    void aConditionThatFailsOnALaterChunkFailsTheRun() throws Exception {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < ROWS; i++) {
            csv.append(i).append(',').append(i == ROWS - 2 ? "x" : String.valueOf(i % 4)).append('\n');
        }
        Files.createDirectories(dir.resolve("in"));
        Files.writeString(dir.resolve("in/a.csv"), csv);

        assertThatThrownBy(() -> run("CAST(name AS INT) > 1")).isInstanceOf(SluiceException.class)
                .hasMessageContaining("'x'");
    }

    private List<QueryProgress> run(String condition) throws Exception {
        return Queries.progressOfRun("""
                {"format": "sluice/1", "name": "t", "nodes": [
                  {"id": "in", "type": "source.file", "options": {"path": "in", "format": "csv",
                   "schema": "i INT, name STRING"}},
                  {"id": "picked", "type": "transform.filter", "inputs": ["in"], "options": {"condition": "%s"}},
                  {"id": "out", "type": "sink.noop", "inputs": ["picked"]}
                ]}
                """.formatted(condition), dir);
    }
}
