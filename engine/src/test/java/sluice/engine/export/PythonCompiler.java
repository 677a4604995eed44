package sluice.engine.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code python3} on generated text. Python 3 is on every machine that builds Sluice; a missing one fails the
 * test with a message saying so rather than skipping it.
 */
final class PythonCompiler {
    private PythonCompiler() {
    }

    /** Asserts that {@code python3 -m py_compile} accepts {@code script}, written to {@code folder}. */
    static void assertCompiles(Path folder, String name, String script) {
        Path file = folder.resolve(name);
        write(file, script);
        Result result = run(List.of("python3", "-m", "py_compile", file.toString()));
        assertThat(result.exitCode()).as("python3 -m py_compile %s:%n%s", name, result.output()).isZero();
    }

    /** What {@code python3 program.py} prints. */
    static String output(Path folder, String program) {
        Path file = folder.resolve("program.py");
        write(file, program);
        Result result = run(List.of("python3", file.toString()));
        assertThat(result.exitCode()).as("python3 program.py:%n%s", result.output()).isZero();
        return result.output();
    }

    private record Result(int exitCode, String output) {}

    private static Result run(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return fail("python3 is needed to check the exported PySpark scripts and could not be started (%s); "
                    + "install Python 3 and put python3 on the PATH", e.getMessage());
        }
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return fail("python3 did not finish within 60 seconds");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for python3");
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
