package sluice.spark.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.cli.Main;

/**
 * A Sluice run whose file sink wrote a batch's part files but could not commit them, restarted on the same
 * checkpoint, leaves a folder that Spark's reader reads with every row exactly once: the orphan part files of the
 * failed commit stay on disk, and only the log keeps them out. The commit fails for real: the run is a child JVM
 * whose files may grow to 2 KB at most (the operating system's file size limit, as a full disk fails a write), and
 * the output folder's path is 2,100 characters long: batch 1's part files (a few rows each; small files are packed
 * into few partitions, as Spark packs them) fit, but its entry in {@code _spark_metadata}, which holds their paths,
 * does not.
 */
class FileSinkCrashTest {
    private static final String SCHEMA = "id INT, name STRING";
    private static final int LATER_FILES = 8;
    private static final int FIRST_FILE_ROWS = 4;
    private static final int LIMIT_KB = 2;
    private static final int OUTPUT_PATH_LENGTH = 2100;

    @TempDir
    Path dir;

    @Test
    void restartAfterAFailedSinkCommitLeavesEveryRowExactlyOnceForSparksReader() throws Exception {
        Path output = longFolder(dir.resolve("output"), OUTPUT_PATH_LENGTH);
        Path checkpoint = dir.resolve("checkpoint");
        Path input = dir.resolve("input");
        writeFile(input, 0, FIRST_FILE_ROWS);
        Path pipeline = writePipeline(input, output);

        int first = run(pipeline, checkpoint);
        Set<Path> committedBefore = Set.copyOf(SinkFolder.committedFiles(output));
        for (int f = 1; f <= LATER_FILES; f++) {
            writeFile(input, f, 1);
        }
        int failed = runWithFileSizeLimit(pipeline, checkpoint);
        List<Path> orphans = partFiles(output).stream().filter(f -> !committedBefore.contains(f)).toList();
        int restarted = run(pipeline, checkpoint);

        assertThat(first).as("the first run, batch 0 only").isZero();
        assertThat(failed).as("the run whose sink cannot commit batch 1").isEqualTo(1);
        assertThat(orphans).as("part files of batch 1 written before its commit failed").isNotEmpty();
        assertThat(restarted).as("the restarted run").isZero();
        assertThat(SinkFolder.committedFiles(output)).as("the orphans stay out of the sink's log")
                .doesNotContainAnyElementsOf(orphans);
        assertThat(readOrphans(orphans)).as("the orphans hold batch 1's rows")
                .containsExactlyInAnyOrderElementsOf(laterRows());
        assertThat(SinkFolder.batches(output).keySet()).containsExactly(0L, 1L);
        List<String> expected = new ArrayList<>(rowsOfFile(0, FIRST_FILE_ROWS));
        expected.addAll(laterRows());
        assertThat(readBack(output)).as("spark.read of the output folder")
                .containsExactlyElementsOf(RowText.sorted(expected));
    }

    /** {@code folder} with subfolders of at most 200 characters until its path is at least {@code length} long. */
    private static Path longFolder(Path folder, int length) {
        Path path = folder;
        while (path.toString().length() < length) {
            path = path.resolve("x".repeat(Math.min(200, Math.max(1, length - path.toString().length() - 1))));
        }
        return path;
    }

    /** {@code sluice run} on the checkpoint, available-now, in this JVM; its exit code. */
    private static int run(Path pipeline, Path checkpoint) {
        PrintStream ignored = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return Main.execute(new String[] {"run", pipeline.toString(), "--checkpoint", checkpoint.toString(),
            "--trigger", "available-now"}, ignored, ignored);
    }

    /** {@code sluice run} in a child JVM whose files may grow to {@link #LIMIT_KB} at most; its exit code. */
    private static int runWithFileSizeLimit(Path pipeline, Path checkpoint) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // Without -XX:-UsePerfData the JVM's own 32 KB performance file would hit the limit first.
        String command = "ulimit -f " + LIMIT_KB + " && exec \"$0\" -XX:-UsePerfData -cp \"$1\" "
                + "sluice.engine.cli.Main run \"$2\" --checkpoint \"$3\" --trigger available-now";
        Process process = new ProcessBuilder("bash", "-c", command, java.toString(),
                System.getProperty("java.class.path"), pipeline.toString(), checkpoint.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the limited run ends").isTrue();
        return process.exitValue();
    }

    /** Input file {@code index} with {@code rows} rows, modified after every file before it. */
    private static void writeFile(Path input, int index, int rows) throws IOException {
        Files.createDirectories(input);
        Path file = input.resolve(String.format("input-%03d.csv", index));
        Files.writeString(file, rowsOfFile(index, rows).stream().map(FileSinkCrashTest::csvLine)
                .collect(Collectors.joining()), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(CaseFiles.FIRST_FILE_TIME.plusSeconds(10L * index)));
    }

    private static String csvLine(String rowText) {
        int id = Integer.parseInt(rowText.substring("(Integer:".length(), rowText.indexOf(',')));
        return id + ",name " + id + "\n";
    }

    private static List<String> laterRows() {
        return IntStream.rangeClosed(1, LATER_FILES).mapToObj(f -> rowsOfFile(f, 1)).flatMap(List::stream).toList();
    }

    /** The rows of input file {@code file} as {@link RowText}. */
    private static List<String> rowsOfFile(int file, int rows) {
        return IntStream.range(0, rows).mapToObj(r -> file * 100 + r)
                .map(id -> "(Integer:" + id + ", String:name " + id + ")").toList();
    }

    private Path writePipeline(Path input, Path output) throws IOException {
        Path file = dir.resolve("crash.sluice.json");
        Files.writeString(file, """
                {"format": "sluice/1", "name": "crash", "nodes": [
                  {"id": "in", "type": "source.file", "options": {"path": "%s", "format": "csv",
                    "schema": "%s"}},
                  {"id": "out", "type": "sink.file", "inputs": ["in"], "options": {"path": "%s", "format": "csv"}}
                ]}
                """.formatted(input, SCHEMA, output), StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> readBack(Path output) {
        return RowText.sorted(SinkFolder.readBack(output, "csv", java.util.Map.of(), SCHEMA));
    }

    private static List<String> readOrphans(List<Path> orphans) {
        List<String> rows = new ArrayList<>();
        for (Row row : TestSpark.session().read().schema(SCHEMA)
                .csv(orphans.stream().map(Path::toString).toArray(String[]::new)).collectAsList()) {
            rows.add(RowText.of(row));
        }
        return rows;
    }

    /** The data files in the output folder, committed or not. */
    private static List<Path> partFiles(Path output) {
        try (Stream<Path> files = Files.list(output)) {
            return files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
