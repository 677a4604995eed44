package sluice.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The crash tests' fixture: {@code sluice run} of a pipeline on a checkpoint in a child JVM (this test's class path),
 * its output and errors appended to files in {@code dir}, and a SIGKILL the moment a condition on the files holds.
 * Used by one test thread.
 */
final class ChildRun {
    private final Path dir;
    private final Duration wait;

    ChildRun(Path dir, Duration wait) {
        this.dir = dir;
        this.wait = wait;
    }

    /** Starts {@code sluice run}; stdout and stderr go to {@code stdout.txt} and {@code stderr.txt} in the folder. */
    Process start(Path pipeline, Path checkpoint, String trigger) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "sluice.engine.cli.Main", "run", pipeline.toString(), "--checkpoint", checkpoint.toString(),
                "--trigger", trigger)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.txt").toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("stderr.txt").toFile()))
                .start();
    }

    /** Starts a run and kills it with SIGKILL as soon as {@code condition} holds; fails if the run ends first. */
    void killWhen(Path pipeline, Path checkpoint, String trigger, BooleanSupplier condition) throws Exception {
        Process process = start(pipeline, checkpoint, trigger);
        long deadline = System.nanoTime() + wait.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                fail("the run ended with exit code %d before it could be killed; %s", process.exitValue(), stderr());
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly().waitFor();
                fail("timed out waiting for the kill point; %s", stderr());
            }
            Thread.onSpinWait();
        }
        process.destroyForcibly();
        assertThat(process.waitFor(wait.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    /** Runs to the end (a trigger that ends, such as available-now) and returns the exit code. */
    int runToEnd(Path pipeline, Path checkpoint, String trigger) throws Exception {
        Process process = start(pipeline, checkpoint, trigger);
        boolean ended = process.waitFor(wait.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        assertThat(ended).as("the %s run ends", trigger).isTrue();
        return process.exitValue();
    }

    /** What the child runs wrote to stderr so far, for failure messages. */
    String stderr() {
        try {
            Path file = dir.resolve("stderr.txt");
            return "stderr: " + (Files.exists(file) ? Files.readString(file) : "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the checkpoint's log ("offsets" or "commits") has an entry for the batch. */
    static boolean has(Path checkpoint, String log, long batchId) {
        return Files.exists(checkpoint.resolve(log).resolve(Long.toString(batchId)));
    }

    /** The newest batch id of a checkpoint log, -1 when it has none. */
    static long latest(Path checkpoint, String log) {
        Path folder = checkpoint.resolve(log);
        if (!Files.isDirectory(folder)) {
            return -1;
        }
        TreeMap<Long, Path> ids = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(f -> f.getFileName().toString().matches("\\d+"))
                    .forEach(f -> ids.put(Long.parseLong(f.getFileName().toString()), f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids.isEmpty() ? -1 : ids.lastKey();
    }
}
