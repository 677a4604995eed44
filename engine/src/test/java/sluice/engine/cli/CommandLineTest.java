package sluice.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.runtime.ManualClock;

class CommandLineTest {
    @TempDir
    Path dir;

    /** The exit code and what went to standard output and standard error. */
    record Outcome(int exitCode, String out, String err) {}

    static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path pipeline(String nodes) throws Exception {
        Path file = dir.resolve("p.sluice.json");
        Files.writeString(file, "{\"format\": \"sluice/1\", \"name\": \"p\", \"nodes\": [" + nodes + "]}");
        return file;
    }

    @Test
    void validateExitsTwoAndPrintsEachProblemOnItsOwnLine() throws Exception {
        Path file = pipeline("""
                {"id": "rate", "type": "source.rate", "options": {"rowsPerSecnd": "5"}},
                {"id": "out", "type": "sink.noop", "inputs": ["rate", "rate"]}
                """);

        Outcome outcome = run("validate", file.toString());

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err().lines()).containsExactly(
                file + ": rate / rowsPerSecnd: source.rate has no option 'rowsPerSecnd'; did you mean 'rowsPerSecond'?",
                file + ": out / inputs: sink.noop takes exactly 1 input, but 2 are connected",
                "2 problems in " + file);
        assertThat(outcome.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void validateNamesABrokenExpressionACycleAndAMisspeltOptionTogether() throws Exception {
        Path file = pipeline("""
                {"id": "in", "type": "source.rate", "options": {"rowsPerSecnd": "2"}},
                {"id": "s", "type": "transform.select", "inputs": ["in"],
                 "options": {"expressions": ["valeu + 1", "upper(("]}},
                {"id": "a", "type": "transform.filter", "inputs": ["b"], "options": {"condition": "true"}},
                {"id": "b", "type": "transform.filter", "inputs": ["a"], "options": {"condition": "true"}},
                {"id": "out", "type": "sink.console", "inputs": ["s"]}
                """);

        Outcome outcome = run("validate", file.toString());

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err().lines()).containsExactly(
                file + ": in / rowsPerSecnd: source.rate has no option 'rowsPerSecnd'; did you mean 'rowsPerSecond'?",
                file + ": b / inputs: the pipeline has a cycle: b -> a -> b; data must flow from sources to sinks",
                file + ": s / expressions #1, 1:1: unknown column 'valeu'; did you mean 'value'?",
                file + ": s / expressions #2, 1:8: expected an expression but found end of input",
                "4 problems in " + file);
        assertThat(outcome.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void validateAcceptsAGoodPipeline() throws Exception {
        Path file = pipeline("""
                {"id": "rate", "type": "source.rate"},
                {"id": "out", "type": "sink.noop", "inputs": ["rate"]}
                """);

        Outcome outcome = run("validate", file.toString());

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).isEqualTo(file + ": valid (2 nodes)\n");
    }

    @Test
    void aMissingFileIsAnInvalidPipeline() {
        Outcome outcome = run("validate", dir.resolve("nope.sluice.json").toString());

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).startsWith(dir.resolve("nope.sluice.json") + ": pipeline file '");
    }

    @Test
    void runStopsAfterMaxBatchesAndPrintsProgressAsJsonLines() throws Exception {
        Path file = pipeline("""
                {"id": "rate", "type": "source.rate", "options": {"rowsPerSecond": "1000"}},
                {"id": "out", "type": "sink.noop", "inputs": ["rate"]}
                """);
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        CompletableFuture<Integer> exitCode = CompletableFuture.supplyAsync(() -> Main.execute(
                new String[] {"run", file.toString(), "--max-batches", "2", "--progress"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                clock));
        // Batch 0 is the rate source's empty first second; one second later batch 1 holds that second's rows.
        awaitLines(err, 1);
        clock.advance(Duration.ofSeconds(1));

        assertThat(exitCode.get(30, TimeUnit.SECONDS)).isZero();
        String progress = err.toString(StandardCharsets.UTF_8);
        assertThat(progress.lines()).hasSize(2).allMatch(line -> line.startsWith("{\"id\":"));
        assertThat(progress.lines().toList().get(0)).contains("\"batchId\":0,\"numInputRows\":0,");
        assertThat(progress.lines().toList().get(1)).contains("\"timestamp\":\"2026-01-01T00:00:01Z\","
                + "\"batchId\":1,\"numInputRows\":1000,");
    }

    /** Waits, bounded, until {@code bytes} holds {@code count} lines. */
    private static void awaitLines(ByteArrayOutputStream bytes, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (bytes.toString(StandardCharsets.UTF_8).lines().count() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("fewer than " + count + " lines: " + bytes.toString(StandardCharsets.UTF_8));
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void aStreamThatFailsExitsOneWithOneLineNamingTheNode() throws Exception {
        int port;
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            port = server.getLocalPort();
        }
        Path file = pipeline("""
                {"id": "lines", "type": "source.socket", "options": {"host": "127.0.0.1", "port": "%d"}},
                {"id": "out", "type": "sink.noop", "inputs": ["lines"]}
                """.formatted(port));

        Outcome outcome = run("run", file.toString());

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.err()).isEqualTo("error: lines: cannot connect to 127.0.0.1:" + port
                + ": connection refused; is a server listening there?\n");
    }

    @Test
    void badArgumentsAreReportedWithoutAStackTrace() throws Exception {
        Path file = pipeline("""
                {"id": "rate", "type": "source.rate"},
                {"id": "out", "type": "sink.noop", "inputs": ["rate"]}
                """);

        Outcome outcome = run("run", file.toString(), "--trigger", "whenever");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).isEqualTo(
                "error: --trigger 'whenever' must be once, available-now or an interval such as '1 second'\n");
    }

    @Test
    void nodesPrintsTheReferenceOfEveryNodeType() {
        Outcome outcome = run("nodes");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).contains("#### `source.rate`", "| `rowsPerSecond` | integer | `1` |",
                "#### `sink.memory`", "| `queryName` (required) | string |");
    }
}
