package sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sluice's figures of a batch's input beyond Spark's rows: the files and bytes a file source read, and the malformed
 * records PERMISSIVE mode kept as nulls, per batch, in the progress (not in its Spark-shaped JSON).
 */
class InputFiguresTest {
    @TempDir
    Path dir;

    private List<QueryProgress> run(String mode) throws Exception {
        return Queries.progressOfRun("""
                {"format": "sluice/1", "name": "t", "nodes": [
                  {"id": "files", "type": "source.file", "options": {"path": "in", "format": "csv",
                   "schema": "n INT, name STRING", "mode": "%s", "maxFilesPerTrigger": "2"}},
                  {"id": "out", "type": "sink.noop", "inputs": ["files"]}
                ]}
                """.formatted(mode), dir);
    }

    private void files() throws Exception {
        Files.createDirectories(dir.resolve("in"));
        Files.writeString(dir.resolve("in/a.csv"), "1,one\nnot a number,two\n3,three\n");
        Files.setLastModifiedTime(dir.resolve("in/a.csv"), java.nio.file.attribute.FileTime.fromMillis(1_000));
        Files.writeString(dir.resolve("in/b.csv"), "4,four\n");
        Files.setLastModifiedTime(dir.resolve("in/b.csv"), java.nio.file.attribute.FileTime.fromMillis(2_000));
        Files.writeString(dir.resolve("in/c.csv"), "x,five\ny,six\n");
        Files.setLastModifiedTime(dir.resolve("in/c.csv"), java.nio.file.attribute.FileTime.fromMillis(3_000));
    }

    @Test
    void eachBatchCarriesItsFilesBytesAndMalformedRecords() throws Exception {
        files();

        List<QueryProgress> progress = run("PERMISSIVE");

        assertThat(progress).extracting(p -> p.inputByNode().get("files")).containsExactly(
                new QueryProgress.SourceInput(2, 31 + 7, 1), new QueryProgress.SourceInput(1, 13, 2));
        assertThat(progress.get(0).toJson()).doesNotContain("malformed").doesNotContain("bytes");
    }

    @Test
    void droppedRecordsAreNotCountedAsKeptNulls() throws Exception {
        files();

        List<QueryProgress> progress = run("DROPMALFORMED");

        assertThat(progress).extracting(p -> p.inputByNode().get("files").malformedRecords()).containsExactly(0L, 0L);
    }
}
