package sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.types.Row;

/**
 * {@code cleanSource}: a file leaves the source folder only after its batch is committed, and a run that stopped
 * between a batch's commit and its clean (the checkpoint then says committed, the file is still there) neither reads
 * the file again nor loses a row when it starts again.
 */
class CleanSourceRestartTest {
    private static final String PIPELINE = """
            {"format": "sluice/1", "name": "clean", "nodes": [
              {"id": "in", "type": "source.file", "options": {"path": "in", "format": "csv", "header": "true",
               "schema": "Name STRING, Close DOUBLE", "maxFilesPerTrigger": "1", %s}},
              {"id": "out", "type": "sink.memory", "inputs": ["in"],
               "options": {"queryName": "out", "outputMode": "append"}}
            ]}
            """;
    private static final String ARCHIVE = "\"cleanSource\": \"archive\", \"sourceArchiveDir\": \"archive\"";

    @TempDir
    Path dir;

    @Test
    void archiveMovesEachFileOnceItsBatchIsCommittedAndNotBefore() throws IOException {
        NameCloseRuns runs = new NameCloseRuns(dir, PIPELINE.formatted(ARCHIVE));
        runs.writeInput("1.csv", "A,1.0");
        runs.writeInput("2.csv", "B,2.0");
        runs.writeInput("3.csv", "C,3.0");
        List<String> seenAtProgress = new ArrayList<>();

        NameCloseRuns.Run run = runs.run(dir.resolve("checkpoint"), new QueryListener() {
            @Override
            public void onProgress(QueryProgress event) {
                // Batch n read file n+1: archived once batch n committed, the later files still in the folder.
                seenAtProgress.add(event.batchId() + ":" + String.join(",", inputNames()) + "|"
                        + String.join(",", archivedNames()));
            }
        });

        assertThat(run.rows("out")).containsExactly(Row.of("A", 1.0), Row.of("B", 2.0), Row.of("C", 3.0));
        assertThat(seenAtProgress).containsExactly("0:2.csv,3.csv|1.csv", "1:3.csv|1.csv,2.csv",
                "2:|1.csv,2.csv,3.csv");
    }

    @Test
    void deleteDeletesEachFileAfterItsBatch() throws IOException {
        NameCloseRuns runs = new NameCloseRuns(dir, PIPELINE.formatted("\"cleanSource\": \"DELETE\""));
        runs.writeInput("1.csv", "A,1.0");
        runs.writeInput("2.csv", "B,2.0");

        NameCloseRuns.Run run = runs.run(dir.resolve("checkpoint"));

        assertThat(run.rows("out")).containsExactly(Row.of("A", 1.0), Row.of("B", 2.0));
        assertThat(inputNames()).isEmpty();
    }

    /**
     * The first run commits its batches but cleans nothing, which leaves what a kill between the last commit and its
     * clean leaves: a committed batch whose file is still in the folder.
     */
    @Test
    void aRestartAfterACommitWhoseCleanDidNotHappenLosesAndRepeatsNothing() throws IOException {
        Path checkpoint = dir.resolve("checkpoint");
        NameCloseRuns uncleaned = new NameCloseRuns(dir, PIPELINE.formatted("\"cleanSource\": \"off\""));
        uncleaned.writeInput("1.csv", "A,1.0");
        uncleaned.writeInput("2.csv", "B,2.0");
        List<Row> first = uncleaned.run(checkpoint).rows("out");
        NameCloseRuns archiving = new NameCloseRuns(dir, PIPELINE.formatted(ARCHIVE));
        archiving.writeInput("3.csv", "C,3.0");

        List<Row> second = archiving.run(checkpoint).rows("out");

        assertThat(first).containsExactly(Row.of("A", 1.0), Row.of("B", 2.0));
        assertThat(second).containsExactly(Row.of("C", 3.0));
        // The last committed batch's file is cleaned when the query goes on, as Spark does; the earlier batch's clean
        // is not repeated (Spark cleans a batch once, when it is committed).
        assertThat(inputNames()).containsExactly("1.csv");
        assertThat(archivedNames()).containsExactly("2.csv", "3.csv");
    }

    private List<String> inputNames() {
        return names(dir.resolve("in"));
    }

    /** The names archived under archive/, which holds each file's whole absolute path. */
    private List<String> archivedNames() {
        Path in = dir.resolve("in").toAbsolutePath();
        Path archived = dir.resolve("archive");
        for (Path part : in.getRoot().relativize(in)) {
            archived = archived.resolve(part.toString());
        }
        return names(archived);
    }

    private static List<String> names(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
