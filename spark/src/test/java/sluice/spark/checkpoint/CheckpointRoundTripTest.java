package sluice.spark.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.cli.Main;
import sluice.engine.sink.FileSinkLog;
import sluice.spark.compat.TestSpark;
import sluice.spark.runner.SparkRunner;

/**
 * A file-to-file pipeline with one sink and a checkpoint runs some micro-batches on one engine; the other engine
 * resumes from the same checkpoint and finishes. The output must be what one uninterrupted run writes: every input
 * row once, read back by either engine through the sink log. Spark runs the pipeline through Sluice's runner, whose
 * query keeps its checkpoint in {@code <checkpointLocation>/<sink id>}; Sluice is given that folder with
 * {@code --checkpoint}. Twelve batches on each side, so each engine resumes from a log the other compacted (batch 9)
 * and compacts it further (batch 19): the file source's log and the sink's {@code _spark_metadata} alike.
 */
class CheckpointRoundTripTest {
    private static final int FILES = 24;
    private static final int ROWS_PER_FILE = 3;
    private static final String SCHEMA = "id BIGINT, name STRING, doubled BIGINT";
    private static final Instant FIRST_FILE_TIME = Instant.parse("2024-01-01T00:00:00Z");

    @TempDir
    Path dir;
    private Path input;
    private Path pipeline;

    @BeforeEach
    void writePipeline() throws IOException {
        input = Files.createDirectories(dir.resolve("in"));
        pipeline = pipeline("copy", "out", "checkpoint");
    }

    private Path pipeline(String name, String output, String checkpoint) throws IOException {
        Path file = dir.resolve(name + ".sluice.json");
        Files.writeString(file, """
                {"format": "sluice/1", "name": "%s", "checkpointLocation": "%s", "nodes": [
                  {"id": "in", "type": "source.file", "options": {"path": "in", "format": "csv",
                    "schema": "id BIGINT, name STRING", "maxFilesPerTrigger": "1"}},
                  {"id": "pick", "type": "transform.select", "inputs": ["in"],
                    "options": {"expressions": ["id", "upper(name) AS name", "id * 2 AS doubled"]}},
                  {"id": "out", "type": "sink.file", "inputs": ["pick"], "options": {"path": "%s", "format": "csv"}}
                ]}
                """.formatted(name, checkpoint, output), StandardCharsets.UTF_8);
        return file;
    }

    /** Input files {@code from} to {@code to - 1}, one second apart, so batch N reads file N. */
    private void addInputFiles(int from, int to) throws IOException {
        for (int f = from; f < to; f++) {
            StringBuilder text = new StringBuilder();
            for (int r = 0; r < ROWS_PER_FILE; r++) {
                long id = f * 100L + r;
                text.append(id).append(",name").append(id).append('\n');
            }
            Path file = input.resolve(String.format("part-%02d.csv", f));
            Files.writeString(file, text, StandardCharsets.UTF_8);
            Files.setLastModifiedTime(file, FileTime.from(FIRST_FILE_TIME.plusSeconds(f)));
        }
    }

    /** The checkpoint folder Spark's query of the sink 'out' uses, and so the one Sluice is given. */
    private Path sharedCheckpoint() {
        return dir.resolve("checkpoint").resolve("out");
    }

    private void runOnSluice(Path pipelineFile, Path checkpoint) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(new String[] {"run", pipelineFile.toString(), "--checkpoint", checkpoint.toString(),
                "--trigger", "available-now"}, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    }

    private void runOnSpark() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new SparkRunner(TestSpark.session(), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of(pipeline.toString(), "--trigger", "available-now"));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    }

    @Test
    void sluiceResumesACheckpointSparkWroteAndFinishes() throws IOException {
        addInputFiles(0, FILES / 2);
        runOnSpark();
        addInputFiles(FILES / 2, FILES);

        runOnSluice(pipeline, sharedCheckpoint());

        assertOutputIsOneUninterruptedRun();
    }

    @Test
    void sparkResumesACheckpointSluiceWroteAndFinishes() throws IOException {
        addInputFiles(0, FILES / 2);
        runOnSluice(pipeline, sharedCheckpoint());
        addInputFiles(FILES / 2, FILES);

        runOnSpark();

        assertOutputIsOneUninterruptedRun();
    }

    @Test
    void sluiceRerunsTheBatchSparkWasCutOffInBeforeItsSinkCommitted() throws IOException {
        addInputFiles(0, FILES / 2);
        runOnSpark();
        // As if Spark had died while writing batch 11: its offsets are logged, its output and commit are not.
        deleteWithChecksum(sharedCheckpoint().resolve("commits/11"));
        deleteWithChecksum(dir.resolve("out/_spark_metadata/11"));
        addInputFiles(FILES / 2, FILES);

        runOnSluice(pipeline, sharedCheckpoint());

        assertOutputIsOneUninterruptedRun();
    }

    @Test
    void sparkRerunsTheBatchSluiceWasCutOffInAfterItsSinkCommitted() throws IOException {
        addInputFiles(0, FILES / 2);
        runOnSluice(pipeline, sharedCheckpoint());
        // As if Sluice had died between the sink's commit of batch 11 and the query's commit log entry.
        Files.delete(sharedCheckpoint().resolve("commits/11"));
        addInputFiles(FILES / 2, FILES);

        runOnSpark();

        assertOutputIsOneUninterruptedRun();
    }

    /** Both engines read the output as an uninterrupted Sluice run's: every row once, batches 0 to 23 committed. */
    private void assertOutputIsOneUninterruptedRun() throws IOException {
        Path reference = pipeline("reference", "reference-out", "reference-checkpoint");
        runOnSluice(reference, dir.resolve("reference-checkpoint"));
        List<String> expected = readWithSluice(dir.resolve("reference-out"));

        assertThat(expected).hasSize(FILES * ROWS_PER_FILE).doesNotHaveDuplicates();
        assertThat(readWithSluice(dir.resolve("out"))).containsExactlyElementsOf(expected);
        assertThat(readWithSpark(dir.resolve("out"))).containsExactlyElementsOf(expected);
        assertThat(new FileSinkLog(dir.resolve("out")).latestBatchId()).hasValue(FILES - 1);
        assertThat(sharedCheckpoint().resolve("commits/" + (FILES - 1))).exists();
        assertThat(sharedCheckpoint().resolve("offsets/" + FILES)).doesNotExist();
    }

    /** The committed rows as Sluice reads the sink log, sorted. */
    private static List<String> readWithSluice(Path output) throws IOException {
        List<String> rows = new ArrayList<>();
        for (Path file : FileSinkLog.committedFiles(output)) {
            rows.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        }
        rows.sort(null);
        return rows;
    }

    /** The committed rows as Spark's batch reader reads the folder (through its _spark_metadata), sorted. */
    private static List<String> readWithSpark(Path output) {
        List<String> rows = new ArrayList<>();
        for (Row row : TestSpark.session().read().schema(SCHEMA).csv(output.toString()).collectAsList()) {
            rows.add(row.getLong(0) + "," + row.getString(1) + "," + row.getLong(2));
        }
        rows.sort(null);
        return rows;
    }

    /** Deletes a log file and the checksum Hadoop keeps beside it, as a crash before the file was written leaves it. */
    private static void deleteWithChecksum(Path file) {
        try {
            Files.delete(file);
            Files.deleteIfExists(file.resolveSibling("." + file.getFileName() + ".crc"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
