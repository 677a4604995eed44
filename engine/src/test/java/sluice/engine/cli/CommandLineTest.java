package sluice.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
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

    /** Standard output on a full disk, as {@code > /dev/full} gives it: every write fails. */
    static final class FullDisk extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }
    }

    static Outcome runOnFullDisk(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(args, new FullDisk(), err);
        return new Outcome(code, "", err.toString(StandardCharsets.UTF_8));
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
    void validateGoesOnPastABrokenNodeAndPrintsEveryIndependentProblem() throws Exception {
        Path file = pipeline("""
                {"id": "rate", "type": "source.rate", "options": {"rowsPerSecond": "many"}},
                {"id": "keep", "type": "transform.filter", "inputs": ["rate"], "options": {"condition": "value >"}},
                {"id": "shown", "type": "transform.select", "inputs": ["keep"], "options": {"expressions": ["nope"]}},
                {"id": "empty", "type": "transform.filter", "inputs": ["rate"], "options": {"condition": " "}}
                """);

        Outcome outcome = run("validate", file.toString());

        // 'nope' needs the columns of the broken input and waits for it; the rest shows in one pass.
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err().lines()).containsExactly(
                file + ": rate / rowsPerSecond: 'rowsPerSecond' must be a whole number, not 'many'",
                file + ": empty / condition: required option 'condition' is missing: Spark SQL boolean expression; "
                        + "rows where it is false or null are dropped",
                file + ": the pipeline has no sink; add one (such as sink.console) so its rows go somewhere",
                file + ": keep / condition, 1:8: expected an expression but found end of input",
                "4 problems in " + file);
    }

    @Test
    void validateFindsWhatWouldFailAtTheStartOfTheRun() throws Exception {
        Files.writeString(dir.resolve("taken"), "a file, not a folder");
        Path file = pipeline("""
                {"id": "files", "type": "source.file", "options": {"path": "missing", "format": "text"}},
                {"id": "later", "type": "source.file", "options": {"path": "later/*.txt", "format": "text"}},
                {"id": "lines", "type": "source.socket", "options": {"host": "127.0.0.1", "port": "70000"}},
                {"id": "all", "type": "transform.union", "inputs": ["files", "later", "lines"]},
                {"id": "out", "type": "sink.file", "inputs": ["all"],
                 "options": {"path": "taken/out", "format": "text"}}
                """);

        Outcome outcome = run("validate", file.toString());

        assertThat(outcome.err().lines()).containsExactly(
                file + ": files / path: [PATH_NOT_FOUND] Path does not exist: '" + dir.resolve("missing")
                        + "'; create the folder, or give a glob such as 'missing/*' to read files that appear later",
                file + ": lines / port: 'port' must be between 1 and 65535, not 70000",
                file + ": out / path: cannot create folder '" + dir.resolve("taken/out") + "': '"
                        + dir.resolve("taken") + "' is a file",
                "3 problems in " + file);
    }

    @Test
    void runningOnlyWorkbenchSinksSaysOnceThatTheyShowNothingHere() throws Exception {
        Files.createDirectories(dir.resolve("in"));
        Files.writeString(dir.resolve("in/a.csv"), "1\n2\n");
        Path file = pipeline("""
                {"id": "numbers", "type": "source.file",
                 "options": {"path": "in", "format": "csv", "schema": "n INT"}},
                {"id": "table", "type": "sink.table", "inputs": ["numbers"]},
                {"id": "chart", "type": "sink.chart", "inputs": ["numbers"], "options": {"x": "n", "y": ["n"]}}
                """);

        Outcome outcome = run("run", file.toString(), "--trigger", "available-now");

        assertThat(outcome).isEqualTo(new Outcome(0, "", "note: the pipeline's only sinks, 'table' (sink.table), "
                + "'chart' (sink.chart), show rows in the workbench; here its rows are discarded\n"));
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
        // Batch 0 is the rate source's empty first second; one second later batch 1 holds that second's rows. The
        // clock moves only once the query waits for data after batch 0: moved between the trigger's start and the
        // source's offsets, batch 1 would hold the rows but carry the earlier time.
        awaitLines(err, 1);
        awaitTimedWaiting(queryThread("sluice-query-p"));
        clock.advance(Duration.ofSeconds(1));

        assertThat(exitCode.get(30, TimeUnit.SECONDS)).isZero();
        String progress = err.toString(StandardCharsets.UTF_8);
        assertThat(progress.lines()).hasSize(2).allMatch(line -> line.startsWith("{\"id\":"));
        assertThat(progress.lines().toList().get(0)).contains("\"batchId\":0,\"numInputRows\":0,");
        assertThat(progress.lines().toList().get(1)).contains("\"timestamp\":\"2026-01-01T00:00:01Z\","
                + "\"batchId\":1,\"numInputRows\":1000,");
    }

    /** The running thread of that name. */
    private static Thread queryThread(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no thread " + name));
    }

    /** Waits, bounded, until {@code thread} sleeps with a timeout (the query's wait for the next poll). */
    private static void awaitTimedWaiting(Thread thread) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (thread.getState() != Thread.State.TIMED_WAITING) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the query never waited for data: " + thread.getState());
            }
            Thread.onSpinWait();
        }
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
                "error: --trigger must be once, available-now or an interval such as '1 second', not 'whenever'\n");
    }

    @Test
    void nodesPrintsTheReferenceOfEveryNodeType() {
        Outcome outcome = run("nodes");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).contains("#### `source.rate`", "| `rowsPerSecond` | integer | `1` |",
                "#### `sink.memory`", "| `queryName` (required) | string |");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "validate", "export", "nodes"})
    void everyCommandPrintsItsUsageForHelpAndExitsZero(String command) {
        Outcome outcome = run(command, "--help");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).startsWith("Usage: sluice " + command + " ").contains("--help");
        assertThat(outcome.err()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--checkpoint=           | error: --checkpoint must name a file or folder, not ''",
        "--timeout=9999999999999d | error: --timeout must be at most 106751991 days, not '9999999999999d'",
        "--timeout=0s            | error: --timeout must be longer than 0, not '0s'",
        "--timeout=soon          | error: --timeout must be a duration such as '10 seconds' or '5s', not 'soon'",
        "--trigger=9999999999999d | error: --trigger must be at most 106751991 days, not '9999999999999d'",
        "--trigger=              | error: --trigger must be once, available-now or an interval such as '1 second', "
                + "not ''",
        "--max-batches=99999999999999999999 | error: --max-batches must be at most 9223372036854775807, not "
                + "'99999999999999999999'",
        "--max-batches=0         | error: --max-batches must be at least 1, not '0'",
        "--max-batches=-3        | error: --max-batches must be at least 1, not '-3'",
        "--max-batches=many      | error: --max-batches must be a whole number such as 10, not 'many'",
        "--max-batch=2           | error: Unknown option: '--max-batch=2'; did you mean '--max-batches'?",
    })
    void optionValuesThatMakeNoSenseAreOneLineAndExitTwo(String option, String expected) throws Exception {
        Path file = pipeline("""
                {"id": "rate", "type": "source.rate"},
                {"id": "out", "type": "sink.noop", "inputs": ["rate"]}
                """);

        Outcome outcome = run("run", file.toString(), option.trim());

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).isEqualTo(expected.trim() + "\n");
    }

    @Test
    void emptyPathsAndAMissingPipelineAreOneLineAndExitTwo() throws Exception {
        Path file = pipeline("""
                {"id": "rate", "type": "source.rate"},
                {"id": "out", "type": "sink.noop", "inputs": ["rate"]}
                """);

        assertThat(run("validate", "")).isEqualTo(new Outcome(2, "",
                "error: PIPELINE must name a file or folder, not ''\n"));
        assertThat(run("export", file.toString(), "--to", "pyspark", "--output", "")).isEqualTo(new Outcome(2, "",
                "error: --output must name a file or folder, not ''\n"));
        assertThat(run("run")).isEqualTo(new Outcome(2, "",
                "error: Missing required parameter: 'PIPELINE'; see 'sluice run --help'\n"));
    }

    @Test
    void anIntervalUnderAMillisecondRunsAsFastAsPossibleAsInSpark() throws Exception {
        Path file = pipeline("""
                {"id": "rate", "type": "source.rate"},
                {"id": "out", "type": "sink.noop", "inputs": ["rate"]}
                """);

        Outcome outcome = run("run", file.toString(), "--trigger", "500 us", "--max-batches", "2");

        assertThat(outcome).isEqualTo(new Outcome(0, "", ""));
    }

    @Test
    void aProcessingTimeBeyondSparksRangeInTheFileIsAProblem() throws Exception {
        Path file = dir.resolve("p.sluice.json");
        Files.writeString(file, """
                {"format": "sluice/1", "trigger": {"processingTime": "9999999999999 days"},
                 "nodes": [{"id": "rate", "type": "source.rate"},
                           {"id": "out", "type": "sink.noop", "inputs": ["rate"]}]}
                """);

        Outcome outcome = run("run", file.toString());

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err().lines()).containsExactly(
                file + ": trigger: processingTime '9999999999999 days' is too long; at most 106751991 days",
                "1 problem in " + file);
    }

    @Test
    void aFileLargerThanAnyPipelineIsOneProblem() throws Exception {
        Path huge = dir.resolve("huge.sluice.json");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(1L << 32);
        }

        Outcome outcome = run("validate", huge.toString());

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err().lines()).containsExactly(
                huge + ": pipeline file '" + huge + "' is larger than 64 MB; a pipeline is a small JSON file",
                "1 problem in " + huge);
    }

    @Test
    void aMisspeltTopLevelKeyAndADuplicateQueryNameAreProblems() throws Exception {
        Path file = dir.resolve("p.sluice.json");
        Files.writeString(file, """
                {"format": "sluice/1", "triger": {"once": true}, "chekpointLocation": 5,
                 "nodes": [{"id": "rate", "type": "source.rate"},
                           {"id": "a", "type": "sink.memory", "inputs": ["rate"], "options": {"queryName": "q"}},
                           {"id": "b", "type": "sink.memory", "inputs": ["rate"], "options": {"queryName": "q"}}]}
                """);

        Outcome outcome = run("validate", file.toString());

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err().lines()).containsExactly(
                file + ": unknown key 'triger'; did you mean 'trigger'?",
                file + ": unknown key 'chekpointLocation'; did you mean 'checkpointLocation'?",
                file + ": b / queryName: Cannot start query with name 'q' as a query with that name is already "
                        + "active (sink 'a'); give each sink its own queryName",
                "3 problems in " + file);
    }

    @Test
    void noIdOrArgumentCanForgeALineOfOutput() throws Exception {
        Path file = dir.resolve("p\nforged.sluice.json");
        Files.writeString(file, """
                {"format": "sluice/1", "nodes": [
                  {"id": "rate\\nforged.sluice.json: valid (2 nodes)", "type": "source.rate"},
                  {"id": "out", "type": "sink.noop", "inputs": ["rat\\u001b[1A"]}]}
                """);

        Outcome outcome = run("validate", file.toString());

        String shown = dir + "/p\\nforged.sluice.json";
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err().lines()).containsExactly(
                shown + ": rate\\nforged.sluice.json: valid (2 nodes): node id 'rate\\nforged.sluice.json: valid "
                        + "(2 nodes)' holds a control character; use letters, digits and signs such as '-'",
                shown + ": out / inputs: input 'rat\\u001B[1A' is not a node of this pipeline",
                "2 problems in " + shown);
        assertThat(run("run", file.toString(), "--trigger", "x\ny").err())
                .isEqualTo("error: --trigger must be once, available-now or an interval such as '1 second', "
                        + "not 'x\\ny'\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"validate", "nodes", "export", "run"})
    void aFullStandardOutputFailsTheCommandWithOneLine(String command) throws Exception {
        Path file = pipeline("""
                {"id": "rate", "type": "source.rate", "options": {"rowsPerSecond": "1000"}},
                {"id": "out", "type": "sink.console", "inputs": ["rate"]}
                """);
        List<String> args = new ArrayList<>(List.of(command));
        if (!command.equals("nodes")) {
            args.add(file.toString());
        }
        if (command.equals("export")) {
            args.addAll(List.of("--to", "pyspark"));
        } else if (command.equals("run")) {
            args.addAll(List.of("--max-batches", "3"));
        }

        Outcome outcome = runOnFullDisk(args.toArray(String[]::new));

        assertThat(outcome).isEqualTo(new Outcome(1, "", "error: cannot write to standard output: No space left on "
                + "device\n"));
    }

    @Test
    void aChainOfFortyThousandNodesValidatesAndRuns() throws Exception {
        Path file = dir.resolve("chain.sluice.json");
        StringBuilder nodes = new StringBuilder("{\"id\": \"rate\", \"type\": \"source.rate\"}");
        for (int i = 1; i <= 40_000; i++) {
            nodes.append(",{\"id\": \"f").append(i).append("\", \"type\": \"transform.filter\", \"inputs\": [\"")
                    .append(i == 1 ? "rate" : "f" + (i - 1))
                    .append("\"], \"options\": {\"condition\": \"value > 0\"}}");
        }
        nodes.append(",{\"id\": \"out\", \"type\": \"sink.noop\", \"inputs\": [\"f40000\"]}");
        Files.writeString(file, "{\"format\": \"sluice/1\", \"nodes\": [" + nodes + "]}");

        Outcome validated = run("validate", file.toString());
        Outcome ran = run("run", file.toString(), "--max-batches", "1");

        assertThat(validated).isEqualTo(new Outcome(0, file + ": valid (40002 nodes)\n", ""));
        assertThat(ran).isEqualTo(new Outcome(0, "", ""));
    }
}
