package sluice.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sluice run} in a child JVM with a small heap, on a rate source whose checkpoint says it started a day ago:
 * 86,400 seconds of rows are due at once, far more than the engine can take in one batch. The run holds its batches
 * to what fits, and {@code --timeout} and SIGTERM end it promptly, as the README says.
 */
class StoppingRunTest {
    private static final String HEAP = "-Xmx256m";
    /** What {@link sluice.engine.source.RateSource} lets a batch hold with that heap: a row per kilobyte. */
    private static final long MOST_ROWS_PER_BATCH = 256L * 1024 * 1024 / 1024;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern ROWS = Pattern.compile("\"batchId\":(\\d+),\"numInputRows\":(\\d+),");

    @TempDir
    Path dir;

    @Test
    void timeoutEndsARateSourceFarBehindWithExitZeroAndBatchesThatFit() throws Exception {
        Path checkpoint = startedADayAgo();

        Process run = start(checkpoint, "--timeout", "2s");
        boolean ended = run.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(ended).as("the run ends after its timeout").isTrue();
        String err = stderr();
        assertThat(run.exitValue()).as(err).isZero();
        assertThat(err).doesNotContain("OutOfMemoryError").doesNotContain("internal error")
                .contains("WARNING: rate: 86400 seconds of rows at 1000 a second are due, more than a batch holds;");
        List<long[]> batches = batches(err);
        assertThat(batches).isNotEmpty().allSatisfy(batch -> {
            assertThat(batch[1]).isPositive().isLessThanOrEqualTo(MOST_ROWS_PER_BATCH);
            assertThat(batch[1] % 1_000).as("whole seconds").isZero();
        });
    }

    @Test
    void sigtermStopsTheRunAndTheProcessExitsWith143() throws Exception {
        Path checkpoint = startedADayAgo();
        Process run = start(checkpoint);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (batches(stderr()).isEmpty() && run.isAlive() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }

        run.destroy();
        boolean ended = run.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(ended).as("SIGTERM ends the run").isTrue();
        assertThat(run.exitValue()).as(stderr()).isEqualTo(143);
        assertThat(stderr()).doesNotContain("Exception").doesNotContain("internal error");
    }

    /** A checkpoint whose rate source started a day ago (its start time is all its metadata log holds). */
    private Path startedADayAgo() throws IOException {
        Path checkpoint = dir.resolve("checkpoint");
        Path rateLog = Files.createDirectories(checkpoint.resolve("sources").resolve("0")).resolve("0");
        Files.writeString(rateLog, "v1\n" + (System.currentTimeMillis() - Duration.ofDays(1).toMillis()));
        return checkpoint;
    }

    private Process start(Path checkpoint, String... more) throws IOException {
        Path pipeline = dir.resolve("rate.sluice.json");
        Files.writeString(pipeline, """
                {"format": "sluice/1", "name": "rate", "nodes": [
                  {"id": "rate", "type": "source.rate", "options": {"rowsPerSecond": "1000", "numPartitions": "2"}},
                  {"id": "plus-one", "type": "transform.withColumn", "inputs": ["rate"],
                    "options": {"name": "result", "expression": "value + 1"}},
                  {"id": "out", "type": "sink.noop", "inputs": ["plus-one"]}
                ]}
                """, StandardCharsets.UTF_8);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), HEAP, "-cp",
                System.getProperty("java.class.path"), "sluice.engine.cli.Main", "run", pipeline.toString(),
                "--checkpoint", checkpoint.toString(), "--progress"));
        command.addAll(List.of(more));
        return new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
    }

    private String stderr() throws IOException {
        Path file = dir.resolve("stderr.txt");
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    /** Batch id and input rows of every progress line. */
    private static List<long[]> batches(String err) {
        List<long[]> batches = new ArrayList<>();
        Matcher matcher = ROWS.matcher(err);
        while (matcher.find()) {
            batches.add(new long[] {Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))});
        }
        return batches;
    }
}
