package sluice.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.sink.FileSinkLog;

/**
 * A file-to-file pipeline ran three batches with a checkpoint; then the checkpoint (or the output's sink log) is
 * damaged the ways a hand edit, a bad copy or a half-restored backup damages it, a new input file arrives, and the run
 * is started again. Each damage that would repeat or lose rows stops the run before its first batch, with exit 1 and
 * one line naming the file, and the output folder stays exactly as it was.
 */
class DamagedCheckpointTest {
    @TempDir
    Path dir;
    private Path input;
    private Path output;
    private Path checkpoint;
    private Path pipeline;

    @BeforeEach
    void runThreeBatches() throws IOException {
        input = Files.createDirectories(dir.resolve("in"));
        output = dir.resolve("out");
        checkpoint = dir.resolve("checkpoint");
        pipeline = dir.resolve("copy.sluice.json");
        Files.writeString(pipeline, """
                {"format": "sluice/1", "name": "copy", "nodes": [
                  {"id": "in", "type": "source.file", "options": {"path": "%s", "format": "csv",
                    "schema": "id BIGINT, name STRING", "maxFilesPerTrigger": "1"}},
                  {"id": "out", "type": "sink.file", "inputs": ["in"], "options": {"path": "%s", "format": "csv"}}
                ]}
                """.formatted(input, output), StandardCharsets.UTF_8);
        for (int i = 0; i < 3; i++) {
            addInput(i);
        }
        CommandLineTest.Outcome first = run();
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(checkpoint.resolve("commits/2")).exists();
        addInput(3);
    }

    private void addInput(int i) throws IOException {
        Path file = input.resolve("f" + i + ".csv");
        Files.writeString(file, i + ",row" + i + "\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 100_000 + i * 1_000L));
    }

    private CommandLineTest.Outcome run() {
        return CommandLineTest.run("run", pipeline.toString(), "--checkpoint", checkpoint.toString(), "--trigger",
                "available-now");
    }

    /** Runs again after the damage: the one error line it printed, checked to be its whole output. */
    private String refusedRun() {
        Map<String, String> before = snapshot(output);

        CommandLineTest.Outcome outcome = run();

        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(1);
        assertThat(outcome.err().lines()).hasSize(1);
        assertThat(snapshot(output)).as("the output folder is untouched").isEqualTo(before);
        return outcome.err().strip();
    }

    private void edit(String file, String from, String to) throws IOException {
        Path path = checkpoint.resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(from);
        Files.writeString(path, text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
    }

    @Test
    void aGapInTheOffsetsLogIsRefused() throws IOException {
        Files.copy(checkpoint.resolve("offsets/2"), checkpoint.resolve("offsets/5"));

        assertThat(refusedRun()).isEqualTo("error: checkpointLocation: the offsets log is damaged: it has batch 5 ('"
                + checkpoint.resolve("offsets/5") + "') but not batch 4 before it, which resuming needs");
    }

    @Test
    void aCommittedOffsetBeyondTheSourceLogIsRefused() throws IOException {
        edit("offsets/2", "{\"logOffset\":2}", "{\"logOffset\":99}");

        assertThat(refusedRun()).isEqualTo("error: checkpointLocation: file '" + checkpoint.resolve("offsets/2")
                + "' does not match source 'in': offset '{\"logOffset\":99}' needs batch 3 of the file log '"
                + checkpoint.resolve("sources/0") + "', which ends at batch 2");
    }

    @Test
    void anOffsetsLogVersionFromTheFutureIsRefused() throws IOException {
        edit("offsets/2", "v1", "v99");

        assertThat(refusedRun()).isEqualTo("error: checkpointLocation: file '" + checkpoint.resolve("offsets/2")
                + "' has log version v99, but Sluice (as Spark 4.1) reads up to v1; it was written by a newer version");
    }

    @Test
    void aCommitLogVersionOtherThanOneIsRefused() throws IOException {
        edit("commits/2", "v1", "v2");

        assertThat(refusedRun()).isEqualTo("error: checkpointLocation: file '" + checkpoint.resolve("commits/2")
                + "' has log version v2, but only v1 is supported");
    }

    @Test
    void aDeletedSourcesFolderIsRefused() throws IOException {
        deleteTree(checkpoint.resolve("sources"));

        assertThat(refusedRun()).isEqualTo("error: checkpointLocation: file '" + checkpoint.resolve("offsets/2")
                + "' does not match source 'in': offset '{\"logOffset\":2}' needs batch 2 of the file log '"
                + checkpoint.resolve("sources/0") + "', which is empty");
    }

    @Test
    void aTruncatedOffsetsFileIsRefused() throws IOException {
        Files.writeString(checkpoint.resolve("offsets/2"), "v1");

        assertThat(refusedRun()).isEqualTo("error: checkpointLocation: file '" + checkpoint.resolve("offsets/2")
                + "' is damaged: it ends after the version line");
    }

    @Test
    void anOffsetsFileThatIsNotJsonIsRefused() throws IOException {
        Files.writeString(checkpoint.resolve("offsets/1"), "v1\nnot json at all\n{\"logOffset\":1}");

        assertThat(refusedRun()).isEqualTo("error: checkpointLocation: file '" + checkpoint.resolve("offsets/1")
                + "' is damaged: line 2 is not a JSON object: 'not json at all'");
    }

    @Test
    void anEmptyCommitFileIsRefused() throws IOException {
        Files.writeString(checkpoint.resolve("commits/2"), "");

        assertThat(refusedRun()).isEqualTo("error: checkpointLocation: file '" + checkpoint.resolve("commits/2")
                + "' is damaged: it is empty");
    }

    @Test
    void aCommitWithoutItsOffsetsIsRefused() throws IOException {
        Files.copy(checkpoint.resolve("commits/2"), checkpoint.resolve("commits/3"));

        assertThat(refusedRun()).isEqualTo("error: checkpointLocation: the commit log is damaged: '"
                + checkpoint.resolve("commits/3") + "' commits batch 3, but the offsets log ends at batch 2 ('"
                + checkpoint.resolve("offsets/2") + "')");
    }

    @Test
    void offsetsWithoutCommitsBeforeTheLatestBatchAreRefused() throws IOException {
        Files.delete(checkpoint.resolve("commits/2"));
        Files.delete(checkpoint.resolve("commits/1"));

        assertThat(refusedRun()).isEqualTo("error: checkpointLocation: the commit log is damaged: the offsets log ends "
                + "at batch 2, but the last commit is batch 0 ('" + checkpoint.resolve("commits/0")
                + "'); batches 1 to 1 have offsets but no commit");
    }

    @Test
    void aSourceLogVersionFromTheFutureIsRefused() throws IOException {
        edit("sources/0/1", "v1", "v99");

        assertThat(refusedRun()).isEqualTo("error: in: file '" + checkpoint.resolve("sources/0/1")
                + "' has log version v99, but Sluice (as Spark 4.1) reads up to v1; it was written by a newer version");
    }

    @Test
    void aSourceLogLineThatIsNotAFileEntryIsRefused() throws IOException {
        Files.writeString(checkpoint.resolve("sources/0/1"), "v1\n{\"path\":\"file:/x.csv\"}");

        assertThat(refusedRun()).isEqualTo("error: in: file '" + checkpoint.resolve("sources/0/1")
                + "' is damaged: line 2 is not a file entry (path, timestamp, batchId): '{\"path\":\"file:/x.csv\"}'");
    }

    @Test
    void aQueryIdThatIsNotAUuidIsRefused() throws IOException {
        Files.writeString(checkpoint.resolve("metadata"), "{\"id\":\"query-1\"}");

        assertThat(refusedRun()).isEqualTo("error: checkpointLocation: file '" + checkpoint.resolve("metadata")
                + "' is damaged: 'query-1' is not a query id (a UUID)");
    }

    @Test
    void aDamagedSinkLogIsRefused() throws IOException {
        Files.writeString(output.resolve("_spark_metadata/1"), "v1\n{\"path\":");

        assertThat(refusedRun()).isEqualTo("error: out: file '" + output.resolve("_spark_metadata/1")
                + "' is damaged: line 2 is not a JSON object: '{\"path\":'");
    }

    @Test
    void aSinkLogAheadOfTheCommitLogIsRefused() throws IOException {
        Files.copy(output.resolve("_spark_metadata/2"), output.resolve("_spark_metadata/3"));

        assertThat(refusedRun()).isEqualTo("error: out: output folder '" + output + "' already holds batch 3 (in "
                + "'_spark_metadata'), but this query's checkpoint has committed batches up to 2; the folder belongs "
                + "to another query or checkpoint: write to a new output folder, or use the checkpoint that wrote it");
    }

    @Test
    void aSinkLogBehindTheCommitLogIsRefused() throws IOException {
        deleteTree(output.resolve("_spark_metadata"));

        assertThat(refusedRun()).isEqualTo("error: out: output folder '" + output + "' holds no batch (in "
                + "'_spark_metadata'), but the checkpoint has committed batches up to 2; the output of the others is "
                + "missing: use a new checkpoint folder and an empty output folder");
    }

    @Test
    void aSinkLogWithAGapIsRefused() throws IOException {
        Files.move(output.resolve("_spark_metadata/1"), dir.resolve("1"), StandardCopyOption.ATOMIC_MOVE);

        assertThat(refusedRun()).isEqualTo("error: out: the log in '" + output.resolve("_spark_metadata")
                + "' is damaged: it has batch 2 but not batch 1");
    }

    @Test
    void aRunWithoutCheckpointIntoAnOutputFolderOfAnotherQueryIsRefused() throws IOException {
        Map<String, String> before = snapshot(output);

        CommandLineTest.Outcome outcome = CommandLineTest.run("run", pipeline.toString(), "--trigger",
                "available-now");

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.err().strip()).isEqualTo("error: out: output folder '" + output + "' already holds batch 2 "
                + "(in '_spark_metadata'), but this query starts at batch 0; the folder belongs to another query or "
                + "checkpoint: write to a new output folder, or use the checkpoint that wrote it");
        assertThat(snapshot(output)).isEqualTo(before);
    }

    @Test
    void anIntactCheckpointResumesWithTheNewFileOnly() throws IOException {
        CommandLineTest.Outcome outcome = run();

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(output.resolve("_spark_metadata/3")).exists();
        assertThat(Files.readString(checkpoint.resolve("offsets/3"))).endsWith("\n{\"logOffset\":3}");
        StringBuilder rows = new StringBuilder();
        for (Path file : FileSinkLog.committedFiles(output)) {
            rows.append(Files.readString(file));
        }
        assertThat(rows.toString().lines().sorted()).containsExactly("0,row0", "1,row1", "2,row2", "3,row3");
    }

    /** Every file under {@code root}, hidden ones included, by relative path, with its content. */
    private static Map<String, String> snapshot(Path root) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
