package sluice.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes that fail for real. A full disk is played by the operating system's file size limit ({@code ulimit -f}) on a
 * {@code sluice run} in a child JVM: every write past the limit fails as on a full disk ("File too large"), which
 * needs no privileges, unlike a small file system; a folder that cannot be written is played by a file standing where
 * the folder should be, which stops root as well as anyone else. Each failure ends the run with exit 1 and one line
 * naming the file, and leaves no temporary file behind.
 */
class WriteFailureTest {
    private static final long WAIT_SECONDS = 60;

    @TempDir
    Path dir;

    private Path pipeline(Path input, Path output, String sink) throws IOException {
        Path file = dir.resolve("copy.sluice.json");
        Files.writeString(file, """
                {"format": "sluice/1", "name": "copy", "nodes": [
                  {"id": "in", "type": "source.file", "options": {"path": "%s", "format": "csv",
                    "schema": "id BIGINT, name STRING"}},
                  %s
                ]}
                """.formatted(input, sink.formatted(output)), StandardCharsets.UTF_8);
        return file;
    }

    private static String fileSink() {
        return "{\"id\": \"out\", \"type\": \"sink.file\", \"inputs\": [\"in\"], "
                + "\"options\": {\"path\": \"%s\", \"format\": \"csv\"}}";
    }

    /** {@code files} CSV files of {@code rows} rows each, with distinct modification times. */
    private Path input(int files, int rows) throws IOException {
        Path input = Files.createDirectories(dir.resolve("in"));
        for (int f = 0; f < files; f++) {
            StringBuilder text = new StringBuilder();
            for (int r = 0; r < rows; r++) {
                text.append(f * 100_000 + r).append(",name-").append(r).append('\n');
            }
            Path file = input.resolve(String.format("input-%03d.csv", f));
            Files.writeString(file, text, StandardCharsets.UTF_8);
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 100_000 + f));
        }
        return input;
    }

    /** {@code sluice run} in a child JVM whose files may grow to {@code limitKb} kilobytes at most. */
    private CommandLineTest.Outcome runWithFileSizeLimit(int limitKb, Path pipeline, Path checkpoint)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path err = dir.resolve("stderr.txt");
        // Without -XX:-UsePerfData the JVM's own 32 KB performance file would hit the limit first.
        String command = "ulimit -f " + limitKb + " && exec \"$0\" -XX:-UsePerfData -cp \"$1\" sluice.engine.cli.Main "
                + "run \"$2\" --checkpoint \"$3\" --trigger available-now";
        Process process = new ProcessBuilder("bash", "-c", command, java.toString(),
                System.getProperty("java.class.path"), pipeline.toString(), checkpoint.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile())
                .start();
        assertThat(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).as("the run ends").isTrue();
        return new CommandLineTest.Outcome(process.exitValue(), "", Files.readString(err));
    }

    @Test
    void aSinkFileThatDoesNotFitIsRemovedAndNamed() throws Exception {
        Path output = dir.resolve("out");
        Path checkpoint = dir.resolve("checkpoint");
        Path pipeline = pipeline(input(1, 5_000), output, fileSink());

        CommandLineTest.Outcome outcome = runWithFileSizeLimit(16, pipeline, checkpoint);

        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(1);
        assertThat(outcome.err().lines()).hasSize(1);
        assertThat(outcome.err()).startsWith("error: out: cannot write file '" + output.resolve("part-00000-"))
                .endsWith("-c000.csv': File too large\n");
        assertThat(files(output)).isEmpty();
        assertThat(output.resolve("_spark_metadata/0")).doesNotExist();
        assertThat(checkpoint.resolve("commits/0")).doesNotExist();
    }

    @Test
    void aSinkLogEntryThatDoesNotFitIsRemovedAndNamed() throws Exception {
        // Small files are packed into few partitions, as Spark packs them, so a batch writes few part files. A sink
        // log entry holds each part file's path: under an output folder whose path is 900 characters long, one entry
        // passes the 1 KB limit, while the part files and the one-line error naming the log file stay under it.
        Path output = longFolder(900);
        Path checkpoint = dir.resolve("checkpoint");
        Path pipeline = pipeline(input(2, 1), output, fileSink());

        CommandLineTest.Outcome outcome = runWithFileSizeLimit(1, pipeline, checkpoint);

        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(1);
        assertThat(outcome.err()).isEqualTo("error: out: cannot write file '" + output.resolve("_spark_metadata/0")
                + "': File too large\n");
        assertThat(files(output.resolve("_spark_metadata"))).isEmpty();
        assertThat(files(output)).isNotEmpty().allMatch(name -> name.startsWith("part-") && name.endsWith(".csv"));
        assertThat(checkpoint.resolve("commits/0")).doesNotExist();
    }

    /** A folder under {@code dir} whose path has {@code length} characters or one more (names of 200 at most). */
    private Path longFolder(int length) {
        Path folder = dir.resolve("out");
        while (folder.toString().length() < length) {
            int left = length - folder.toString().length() - 1;
            folder = folder.resolve("x".repeat(Math.min(200, Math.max(1, left))));
        }
        return folder;
    }

    @Test
    void aCheckpointLogEntryThatDoesNotFitIsRemovedAndNamed() throws Exception {
        // The file log of a batch of 100 files is about 10 KB.
        Path checkpoint = dir.resolve("checkpoint");
        Path pipeline = pipeline(input(100, 1), dir.resolve("out"), fileSink());

        CommandLineTest.Outcome outcome = runWithFileSizeLimit(4, pipeline, checkpoint);

        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(1);
        assertThat(outcome.err()).isEqualTo("error: in: cannot write file '" + checkpoint.resolve("sources/0/0")
                + "': File too large\n");
        assertThat(files(checkpoint.resolve("sources/0"))).isEmpty();
        assertThat(checkpoint.resolve("offsets")).doesNotExist();
    }

    @Test
    void aCheckpointFolderThatCannotBeWrittenIsOneLineNamingIt() throws Exception {
        Path checkpoint = dir.resolve("checkpoint");
        Path pipeline = pipeline(input(1, 1), dir.resolve("out"), fileSink());
        Files.createDirectories(checkpoint);
        Files.writeString(checkpoint.resolve("offsets"), "a file where the offsets folder should be");

        CommandLineTest.Outcome outcome = CommandLineTest.run("run", pipeline.toString(), "--checkpoint",
                checkpoint.toString(), "--trigger", "available-now");

        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(1);
        assertThat(outcome.err()).isEqualTo("error: checkpointLocation: cannot create folder '"
                + checkpoint.resolve("offsets") + "': a file of that name is in the way\n");
        assertThat(files(checkpoint)).containsExactly("metadata", "offsets");
    }

    @Test
    void aCheckpointPathThatIsAFileIsOneLineNamingIt() throws Exception {
        Path checkpoint = Files.writeString(dir.resolve("checkpoint"), "not a folder");
        Path pipeline = pipeline(input(1, 1), dir.resolve("out"), fileSink());

        CommandLineTest.Outcome outcome = CommandLineTest.run("run", pipeline.toString(), "--checkpoint",
                checkpoint.toString(), "--trigger", "available-now");

        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(1);
        assertThat(outcome.err()).isEqualTo("error: checkpointLocation: cannot create checkpoint folder '"
                + checkpoint + "': a file of that name is in the way\n");
    }

    /** The names of the files in {@code folder} (hidden ones too), sorted; none when it does not exist. */
    private static List<String> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
