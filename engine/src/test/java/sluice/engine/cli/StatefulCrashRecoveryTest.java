package sluice.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.engine.cli.ChildRun.has;
import static sluice.engine.cli.ChildRun.latest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.sink.FileSinkLog;

/**
 * Exactly once with state: a windowed aggregation with a watermark in append mode, file to file, run by
 * {@code sluice run} in a child JVM and killed with SIGKILL 20 times at seeded random points (while a batch reads,
 * while the operator writes its state files, while the sink writes), restarted on the same checkpoint each time, ends
 * with the same output as an uninterrupted run. A state file lost from the checkpoint stops the query with one line
 * naming the operator, its partition and the batch, never an empty state.
 */
class StatefulCrashRecoveryTest {
    private static final long SEED = 12;
    private static final int KILLS = 20;
    private static final int FILES = 40;
    private static final int ROWS = 4_000;
    private static final int KEYS = 500;
    private static final int PARTITIONS = 8;
    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Where in a batch a kill landed, read from the files the batch has written so far. */
    enum Phase { READ, STATE_COMMIT, SINK_WRITE, AFTER_COMMIT }

    @TempDir
    Path dir;
    private ChildRun child;

    @Test
    void twentyKillsAtRandomPointsLeaveTheOutputOfAnUninterruptedRun() throws Exception {
        child = new ChildRun(dir, WAIT);
        Path input = Files.createDirectories(dir.resolve("input"));
        writeInputFiles(input, 0, FILES);
        Path pipeline = writePipeline(input, dir.resolve("output"));
        Path reference = writePipeline(input, dir.resolve("reference"));
        assertThat(child.runToEnd(reference, dir.resolve("reference-checkpoint"), "available-now"))
                .as(child.stderr()).isZero();
        Path checkpoint = dir.resolve("checkpoint");
        Random random = new Random(SEED);
        Map<Phase, Integer> landed = new EnumMap<>(Phase.class);

        for (int kill = 0; kill < KILLS; kill++) {
            Phase aim = Phase.values()[random.nextInt(3)];
            long next = nextToRun(checkpoint);
            // A re-run batch's offsets are already logged, so its read cannot be told from the JVM's start: a kill
            // aimed at a read waits for a batch this run logs.
            long batch = next + random.nextInt(2) + (aim == Phase.READ && has(checkpoint, "offsets", next) ? 1 : 0);
            Map<Path, FileTime> left = times(batchFiles(checkpoint, batch));
            Phase[] at = {null};
            child.killWhen(pipeline, checkpoint, "available-now", () -> {
                Phase now = phaseOf(checkpoint, batch, left);
                if (now == aim || now == Phase.AFTER_COMMIT) {
                    at[0] = now;
                    return true;
                }
                return false;
            });
            landed.merge(at[0], 1, Integer::sum);
        }
        int exitCode = child.runToEnd(pipeline, checkpoint, "available-now");

        assertThat(exitCode).as(child.stderr()).isZero();
        List<String> expected = committedLines(dir.resolve("reference"));
        assertThat(expected).hasSizeGreaterThan(KEYS * (FILES - 3));
        assertThat(committedLines(dir.resolve("output"))).as("kills landed %s", landed).isEqualTo(expected);
        assertThat(latest(checkpoint, "commits")).isEqualTo(latest(checkpoint, "offsets"));
        assertThat(landed.keySet()).as("kills landed %s", landed)
                .contains(Phase.READ, Phase.STATE_COMMIT, Phase.SINK_WRITE);
    }

    @Test
    void aMissingStateFileStopsTheQueryNamingTheOperatorAndTheBatch() throws Exception {
        child = new ChildRun(dir, WAIT);
        Path input = Files.createDirectories(dir.resolve("input"));
        writeInputFiles(input, 0, 3);
        Path pipeline = writePipeline(input, dir.resolve("output"));
        Path checkpoint = dir.resolve("checkpoint");
        assertThat(child.runToEnd(pipeline, checkpoint, "available-now")).as(child.stderr()).isZero();
        long nextBatch = latest(checkpoint, "commits") + 1;
        Path lost = stateFolder(checkpoint, 0).resolve(nextBatch + ".delta");
        Files.delete(lost);
        writeInputFiles(input, 3, 4);

        int exitCode = child.runToEnd(pipeline, checkpoint, "available-now");

        assertThat(exitCode).isEqualTo(1);
        assertThat(child.stderr()).isEqualTo("stderr: error: per-minute: cannot load the state of operator 0 "
                + "('per-minute') partition 0 for batch " + nextBatch + ": file '" + lost
                + "' is missing; the checkpoint is damaged" + System.lineSeparator());
    }

    /** The batch a restart runs first: the uncommitted one, or the one after the last commit. */
    private static long nextToRun(Path checkpoint) {
        long logged = latest(checkpoint, "offsets");
        return logged >= 0 && !has(checkpoint, "commits", logged) ? logged : latest(checkpoint, "commits") + 1;
    }

    /** The files batch {@code batch} writes before its commit: its offsets entry, then its state in each partition. */
    private static List<Path> batchFiles(Path checkpoint, long batch) {
        List<Path> files = new ArrayList<>();
        files.add(checkpoint.resolve("offsets").resolve(Long.toString(batch)));
        for (int partition = 0; partition < PARTITIONS; partition++) {
            files.add(stateFolder(checkpoint, partition).resolve((batch + 1) + ".delta"));
        }
        return files;
    }

    /** The modification times of those of {@code files} that exist. */
    private static Map<Path, FileTime> times(List<Path> files) {
        Map<Path, FileTime> times = new HashMap<>();
        for (Path file : files) {
            FileTime time = timeOf(file);
            if (time != null) {
                times.put(file, time);
            }
        }
        return times;
    }

    private static FileTime timeOf(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where a run is in batch {@code batch}: after logging its offsets it reads, then the aggregation writes state
     * version {@code batch + 1} in each partition, then the sink writes its part files and its log entry, then the
     * query logs the commit. Only files this run wrote count: a killed run may have left some of the same batch
     * ({@code left}, with their times; the files are replaced whole, so a rewritten one has a later time). Null when
     * the run is not in the batch yet.
     */
    private static Phase phaseOf(Path checkpoint, long batch, Map<Path, FileTime> left) {
        if (has(checkpoint, "commits", batch)) {
            return Phase.AFTER_COMMIT;
        }
        List<Path> files = batchFiles(checkpoint, batch);
        int written = 0;
        for (Path state : files.subList(1, files.size())) {
            if (isNew(state, left)) {
                written++;
            }
        }
        if (written > 0) {
            return written < PARTITIONS ? Phase.STATE_COMMIT : Phase.SINK_WRITE;
        }
        return isNew(files.get(0), left) ? Phase.READ : null;
    }

    private static boolean isNew(Path file, Map<Path, FileTime> left) {
        FileTime time = timeOf(file);
        return time != null && !time.equals(left.get(file));
    }

    private static Path stateFolder(Path checkpoint, int partition) {
        return checkpoint.resolve("state").resolve("0").resolve(Integer.toString(partition));
    }

    /**
     * Files {@code from} to {@code to - 1}, modified one second apart so batch N reads file N. File N holds minute N
     * of event time for every key, plus a few rows two minutes old, which the watermark drops from the second file on.
     */
    private static void writeInputFiles(Path input, int from, int to) throws IOException {
        long modified = System.currentTimeMillis() - 3_600_000;
        for (int f = from; f < to; f++) {
            StringBuilder text = new StringBuilder("ts,key,amount\n");
            for (int r = 0; r < ROWS; r++) {
                Instant ts = START.plusSeconds(60L * f).plusMillis(r * 60_000L / ROWS);
                if (r % 100 == 7) {
                    ts = ts.minusSeconds(120);
                }
                text.append(ts).append(",k").append(r % KEYS).append(',').append(f * 10 + r % 7).append('\n');
            }
            Path file = input.resolve(String.format(Locale.ROOT, "in-%02d.csv", f));
            Files.writeString(file, text, StandardCharsets.UTF_8);
            Files.setLastModifiedTime(file, FileTime.fromMillis(modified + f * 1_000L));
        }
    }

    private Path writePipeline(Path input, Path output) throws IOException {
        Path file = dir.resolve(output.getFileName() + ".sluice.json");
        Files.writeString(file, """
                {"format": "sluice/1", "name": "stateful-crash", "nodes": [
                  {"id": "in", "type": "source.file", "options": {"path": "%s", "format": "csv", "header": "true",
                    "schema": "ts TIMESTAMP, key STRING, amount BIGINT", "maxFilesPerTrigger": "1"}},
                  {"id": "late-by-30s", "type": "transform.watermark", "inputs": ["in"],
                    "options": {"eventTime": "ts", "delayThreshold": "30 seconds"}},
                  {"id": "per-minute", "type": "transform.aggregate", "inputs": ["late-by-30s"],
                    "options": {"groupBy": ["window(ts, '1 minute')", "key"],
                                "aggregations": ["count(*) AS n", "sum(amount) AS total", "max(ts) AS last"]}},
                  {"id": "flat", "type": "transform.select", "inputs": ["per-minute"],
                    "options": {"expressions": ["window.start AS start", "key", "n", "total", "last"]}},
                  {"id": "out", "type": "sink.file", "inputs": ["flat"],
                    "options": {"path": "%s", "format": "csv", "outputMode": "append"}}
                ]}
                """.formatted(input, output), StandardCharsets.UTF_8);
        return file;
    }

    /** The lines of the sink's committed files, sorted: batches may split the same rows into other files. */
    private static List<String> committedLines(Path output) {
        List<String> lines = new ArrayList<>();
        try {
            for (Path file : FileSinkLog.committedFiles(output)) {
                lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lines.sort(null);
        return lines;
    }
}
