package sluice.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.engine.cli.ChildRun.has;
import static sluice.engine.cli.ChildRun.latest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.sink.FileSinkLog;

/**
 * The crash promise: a file-to-file pipeline with a checkpoint, run by {@code sluice run} in a child JVM, killed with
 * SIGKILL several times mid-run and restarted on the same checkpoint, delivers every input row exactly once into the
 * file sink's committed files. Orphan part files of batches that never committed stay out of the sink log.
 */
class CrashRecoveryTest {
    private static final int FILES = 40;
    private static final int SMALL_ROWS = 5;
    // A few big files make their batches slow, so a kill aimed at them lands while the batch runs.
    private static final int BIG_ROWS = 20_000;
    private static final Set<Integer> BIG_FILES = Set.of(8, 18);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String TRIGGER = "100 milliseconds";

    @TempDir
    Path dir;
    private ChildRun child;

    @Test
    void killedAndRestartedRunsDeliverEveryRowExactlyOnce() throws Exception {
        child = new ChildRun(dir, WAIT);
        Path input = Files.createDirectories(dir.resolve("input"));
        Path output = dir.resolve("output");
        Path checkpoint = dir.resolve("checkpoint");
        Set<Long> ids = writeInputFiles(input);
        Path pipeline = writePipeline(input, output);

        // Kill 1: while batch 8 (a big file) runs; its offsets are logged, its commit is not.
        child.killWhen(pipeline, checkpoint, TRIGGER,
                () -> has(checkpoint, "offsets", 8) && !has(checkpoint, "commits", 8));
        // Kill 2: after a restart that re-ran batch 8 from its logged offsets, while the sink writes batch 18's part
        // file (big), which leaves an orphan the sink log never lists.
        child.killWhen(pipeline, checkpoint, TRIGGER,
                () -> has(checkpoint, "offsets", 18) && !has(checkpoint, "commits", 18)
                        && dataFiles(output).stream().anyMatch(f -> f.getFileName().toString().endsWith(".tmp")));
        // Kill 3: between the sink's commit of batch 28 and the query's commit log entry, when the poll catches that
        // moment; the re-run must then skip the sink. Otherwise wherever the run is once batch 30 committed.
        Path sinkLog = output.resolve(FileSinkLog.METADATA_DIR);
        child.killWhen(pipeline, checkpoint, TRIGGER,
                () -> Files.exists(sinkLog.resolve("28")) && !has(checkpoint, "commits", 28)
                        || has(checkpoint, "commits", 30));
        int exitCode = child.runToEnd(pipeline, checkpoint, "available-now");

        assertThat(exitCode).as(child.stderr()).isZero();
        List<Path> committed = FileSinkLog.committedFiles(output);
        List<Long> delivered = new ArrayList<>();
        for (Path file : committed) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] cells = line.split(",", -1);
                long id = Long.parseLong(cells[0]);
                assertThat(cells[1]).isEqualTo("N" + id);
                assertThat(Double.parseDouble(cells[2])).isEqualTo(2.0 * id + 1);
                delivered.add(id);
            }
        }
        assertThat(delivered).hasSize(ids.size()).doesNotHaveDuplicates();
        assertThat(new HashSet<>(delivered)).isEqualTo(ids);
        List<Path> onDisk = dataFiles(output);
        assertThat(onDisk).containsAll(committed);
        Set<Long> deliveredSet = new HashSet<>(delivered);
        for (Path orphan : onDisk) {
            if (!committed.contains(orphan)) {
                // An orphan holds rows of a batch that was re-run and committed under other file names.
                assertThat(deliveredSet).containsAll(idsIn(orphan));
            }
        }
        assertThat(latest(checkpoint, "commits")).isEqualTo(latest(checkpoint, "offsets"));
    }

    /** Files 0..39 with unique ids, modified one second apart so batch N reads file N. */
    private static Set<Long> writeInputFiles(Path input) throws IOException {
        Set<Long> ids = new HashSet<>();
        long base = System.currentTimeMillis() - 3_600_000;
        for (int f = 0; f < FILES; f++) {
            StringBuilder text = new StringBuilder("id,name,amount\n");
            int rows = BIG_FILES.contains(f) ? BIG_ROWS : SMALL_ROWS;
            for (int r = 0; r < rows; r++) {
                long id = f * 100_000L + r;
                ids.add(id);
                text.append(id).append(",n").append(id).append(',').append(id).append(".5\n");
            }
            Path file = input.resolve(String.format("in-%02d.csv", f));
            Files.writeString(file, text, StandardCharsets.UTF_8);
            Files.setLastModifiedTime(file, FileTime.fromMillis(base + f * 1_000L));
        }
        return ids;
    }

    private Path writePipeline(Path input, Path output) throws IOException {
        Path file = dir.resolve("crash.sluice.json");
        Files.writeString(file, """
                {"format": "sluice/1", "name": "crash", "nodes": [
                  {"id": "in", "type": "source.file", "options": {"path": "%s", "format": "csv", "header": "true",
                    "schema": "id BIGINT, name STRING, amount DOUBLE", "maxFilesPerTrigger": "1"}},
                  {"id": "pick", "type": "transform.select", "inputs": ["in"],
                    "options": {"expressions": ["id", "upper(name) AS name", "amount * 2 AS doubled"]}},
                  {"id": "out", "type": "sink.file", "inputs": ["pick"], "options": {"path": "%s", "format": "csv"}}
                ]}
                """.formatted(input, output), StandardCharsets.UTF_8);
        return file;
    }

    /** Every file the sink wrote into the output folder, committed or not, temporary ones included. */
    private static List<Path> dataFiles(Path output) {
        if (!Files.isDirectory(output)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(output)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids of the complete lines of a part file; a kill may have cut its last line short. */
    private static List<Long> idsIn(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<Long> ids = new ArrayList<>();
        text.substring(0, text.lastIndexOf('\n') + 1).lines()
                .forEach(line -> ids.add(Long.parseLong(line.split(",", -1)[0])));
        return ids;
    }
}
