package sluice.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory follows what a batch keeps, not what it reads: {@code sluice run} in a child JVM with a 24 MB heap reads a
 * CSV, a JSON lines and a text file of about three times that size each, keeps a few rows of each and prints them.
 * Reading a whole file into one batch needs several times the file's size.
 *
 * <p>About half the child's heap is not the run's: the JDK keeps the central directory of every jar it has opened on
 * the heap for the JVM's life, and the first service lookup (the System.Logger's) opens every jar on the class path;
 * this test's class path (the engine's, the broker's and the test libraries) holds 7.4 MB of them, 3.6 MB in the
 * Hadoop client jars alone. So the child ran out of heap at start with 14 MB, and 16 MB left it 2 MB. The rest grows
 * with the tasks (one per core, each with its block and its batch of 4,096 rows), so the child's core count is fixed
 * at 2, as on the machine this heap was measured on; without that, 20 MB failed at 16 cores.
 */
class LargeFilesTest {
    private static final List<String> CHILD_JVM = List.of("-Xmx24m", "-XX:ActiveProcessorCount=2");
    private static final int ROWS = 4_200_000;
    private static final long WAIT_SECONDS = 120;

    @TempDir
    Path dir;

    @Test
    void filesLargerThanTheHeapAreReadInBoundedMemory() throws Exception {
        writeLines(dir.resolve("csv/a.csv"), "s,n\n", i -> "row " + i + "," + i + "\n");
        writeLines(dir.resolve("json/a.json"), "", i -> "{\"s\":\"row " + i + "\",\"n\":" + i + "}\n");
        writeLines(dir.resolve("text/a.txt"), "", i -> "row " + i + "\n");
        Path pipeline = dir.resolve("large.sluice.json");
        Files.writeString(pipeline, """
                {"format": "sluice/1", "name": "large", "nodes": [
                  {"id": "csv", "type": "source.file", "options": {"path": "csv", "format": "csv", "header": "true",
                   "schema": "s STRING, n BIGINT"}},
                  {"id": "json", "type": "source.file", "options": {"path": "json", "format": "json",
                   "schema": "s STRING, n BIGINT"}},
                  {"id": "text", "type": "source.file", "options": {"path": "text", "format": "text"}},
                  {"id": "csv-few", "type": "transform.filter", "inputs": ["csv"],
                   "options": {"condition": "n % 700000 = 1"}},
                  {"id": "json-few", "type": "transform.filter", "inputs": ["json"],
                   "options": {"condition": "n % 700000 = 2"}},
                  {"id": "text-few", "type": "transform.filter", "inputs": ["text"],
                   "options": {"condition": "value LIKE '%00003'"}},
                  {"id": "csv-out", "type": "sink.console", "inputs": ["csv-few"]},
                  {"id": "json-out", "type": "sink.console", "inputs": ["json-few"]},
                  {"id": "text-out", "type": "sink.console", "inputs": ["text-few"], "options": {"numRows": "100"}}
                ]}
                """);
        assertThat(Files.size(dir.resolve("csv/a.csv"))).isGreaterThan(3L * 24 << 20);

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(CHILD_JVM);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "sluice.engine.cli.Main", "run",
                pipeline.toString(), "--trigger", "once"));
        Process process = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        assertThat(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).as("the run ends").isTrue();

        String stderr = Files.readString(dir.resolve("stderr.txt"));
        assertThat(process.exitValue()).as("exit code; %s", stderr).isZero();
        List<String> printed = Files.readAllLines(dir.resolve("stdout.txt")).stream()
                .filter(line -> line.startsWith("|") && line.contains("row "))
                .map(line -> line.replaceAll(" *\\| *", "|")).toList();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < ROWS; i += 700_000) {
            expected.add("|row " + (i + 1) + "|" + (i + 1) + "|");
        }
        for (int i = 0; i < ROWS; i += 700_000) {
            expected.add("|row " + (i + 2) + "|" + (i + 2) + "|");
        }
        for (int i = 100_000; i < ROWS; i += 100_000) {
            expected.add("|row " + (i + 3) + "|");
        }
        assertThat(printed).containsExactlyElementsOf(expected);
    }

    private static void writeLines(Path file, String header, java.util.function.IntFunction<String> line)
            throws IOException {
        Files.createDirectories(file.getParent());
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write(header);
            for (int i = 0; i < ROWS; i++) {
                writer.write(line.apply(i));
            }
        }
    }
}
