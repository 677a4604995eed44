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
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.cli.Main;

/**
 * A Sluice run whose file sink wrote a batch's part file but could not commit it (its {@code _spark_metadata} log
 * cannot be written: the folder is a plain file for that run), restarted on the same checkpoint, leaves a folder that
 * Spark's reader reads with every row exactly once: the orphan part file of the failed commit stays on disk, and
 * only the log keeps it out.
 */
class FileSinkCrashTest {
    private static final String SCHEMA = "id INT, name STRING";
    private static final int FILES = 3;
    private static final int ROWS_PER_FILE = 4;

    @TempDir
    Path dir;

    @Test
    void restartAfterAFailedSinkCommitLeavesEveryRowExactlyOnceForSparksReader() throws IOException {
        Path output = dir.resolve("output");
        Path checkpoint = dir.resolve("checkpoint");
        Path pipeline = writePipeline(writeInput(dir.resolve("input")), output);
        Path log = output.resolve("_spark_metadata");
        Path logAside = output.resolve("_spark_metadata-aside");

        int first = run(pipeline, checkpoint, "--max-batches", "1");
        Set<Path> committedBefore = Set.copyOf(SinkFolder.committedFiles(output));
        Files.move(log, logAside);
        Files.writeString(log, "not a folder");
        int failed = run(pipeline, checkpoint);
        Files.delete(log);
        Files.move(logAside, log);
        List<Path> orphans = partFiles(output).stream().filter(f -> !committedBefore.contains(f)).toList();
        int restarted = run(pipeline, checkpoint);

        assertThat(first).as("the first run, batch 0 only").isZero();
        assertThat(failed).as("the run whose sink cannot commit batch 1").isNotZero();
        assertThat(orphans).as("part files of batch 1 written before its commit failed").isNotEmpty();
        assertThat(restarted).as("the restarted run").isZero();
        assertThat(SinkFolder.committedFiles(output)).as("the orphans stay out of the sink's log")
                .doesNotContainAnyElementsOf(orphans);
        assertThat(readOrphans(orphans)).as("the orphans hold batch 1's rows").containsExactlyInAnyOrder(
                rowsOfFile(1).toArray(String[]::new));
        assertThat(SinkFolder.batches(output).keySet()).containsExactly(0L, 1L, 2L);
        assertThat(readBack(output)).as("spark.read of the output folder")
                .containsExactlyElementsOf(RowText.sorted(IntStream.range(0, FILES)
                        .mapToObj(FileSinkCrashTest::rowsOfFile).flatMap(List::stream).toList()));
    }

    /** {@code sluice run} on the checkpoint, available-now; its exit code. */
    private static int run(Path pipeline, Path checkpoint, String... more) {
        List<String> args = new ArrayList<>(List.of("run", pipeline.toString(), "--checkpoint", checkpoint.toString(),
                "--trigger", "available-now"));
        args.addAll(List.of(more));
        PrintStream ignored = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return Main.execute(args.toArray(String[]::new), ignored, ignored);
    }

    /** Files a.csv, b.csv, c.csv, modified in that order, so that batch N reads file N. */
    private static Path writeInput(Path input) throws IOException {
        Files.createDirectories(input);
        for (int f = 0; f < FILES; f++) {
            Path file = input.resolve((char) ('a' + f) + ".csv");
            Files.writeString(file, text(f), StandardCharsets.UTF_8);
            Files.setLastModifiedTime(file, FileTime.from(CaseFiles.FIRST_FILE_TIME.plusSeconds(10L * f)));
        }
        return input;
    }

    private static String text(int file) {
        return IntStream.range(0, ROWS_PER_FILE).map(row -> file * 100 + row).mapToObj(id -> id + ",name " + id)
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** The rows of input file {@code file} as {@link RowText}. */
    private static List<String> rowsOfFile(int file) {
        return IntStream.range(0, ROWS_PER_FILE).mapToObj(r -> file * 100 + r)
                .map(id -> "(Integer:" + id + ", String:name " + id + ")").toList();
    }

    private Path writePipeline(Path input, Path output) throws IOException {
        Path file = dir.resolve("crash.sluice.json");
        Files.writeString(file, """
                {"format": "sluice/1", "name": "crash", "nodes": [
                  {"id": "in", "type": "source.file", "options": {"path": "%s", "format": "csv",
                    "schema": "%s", "maxFilesPerTrigger": "1"}},
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
