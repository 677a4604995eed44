package sluice.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice export}: where the script goes, and the exit codes of bad pipelines and bad arguments. */
class ExportCommandTest {
    private static final Path EXAMPLE = Path.of("..", "sample-data", "pipelines", "rate-plus-one.sluice.json");

    @TempDir
    Path dir;

    @Test
    void exportPrintsThePySparkScriptOnStandardOutput() {
        CommandLineTest.Outcome outcome = CommandLineTest.run("export", EXAMPLE.toString(), "--to", "pyspark");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).startsWith("# Rate plus one\n")
                .contains("#     spark-submit rate-plus-one.py\n")
                .contains(".withColumn(\"result\", F.expr(\"value + 1\"))")
                .endsWith("spark.streams.awaitAnyTermination()\n");
        assertThat(outcome.err()).isEmpty();
    }

    @Test
    void exportWritesTheScalaScriptToTheOutputFileNamedInItsHeader() throws Exception {
        Path script = dir.resolve("plus.scala");

        CommandLineTest.Outcome outcome = CommandLineTest.run("export", EXAMPLE.toString(), "--to", "Scala",
                "--output", script.toString());

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).isEqualTo(EXAMPLE + ": wrote " + script + "\n");
        assertThat(Files.readString(script, StandardCharsets.UTF_8))
                .contains("//     spark-shell -i plus.scala\n")
                .contains(".withColumn(\"result\", expr(\"value + 1\"))")
                .endsWith("SluiceExport.main(Array.empty)\n");
    }

    @Test
    void anInvalidPipelineExitsTwoWithItsProblemsAndWritesNothing() throws Exception {
        Path file = dir.resolve("p.sluice.json");
        Files.writeString(file, """
                {"format": "sluice/1", "name": "p", "nodes": [
                  {"id": "rate", "type": "source.rate"},
                  {"id": "keep", "type": "transform.filter", "inputs": ["rate"], "options": {"condition": "valeu > 1"}},
                  {"id": "out", "type": "sink.noop", "inputs": ["keep"]}]}
                """);
        Path script = dir.resolve("p.py");

        CommandLineTest.Outcome outcome = CommandLineTest.run("export", file.toString(), "--to", "pyspark",
                "--output", script.toString());

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err().lines()).containsExactly(
                file + ": keep / condition, 1:1: unknown column 'valeu'; did you mean 'value'?",
                "1 problem in " + file);
        assertThat(script).doesNotExist();
        assertThat(outcome.out()).isEmpty();
    }

    @Test
    void anUnknownLanguageExitsTwoWithAClearMessage() {
        CommandLineTest.Outcome outcome = CommandLineTest.run("export", EXAMPLE.toString(), "--to", "r");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).isEqualTo("error: --to 'r' is not a language Sluice exports to; use pyspark or "
                + "scala\n");
    }

    @Test
    void aMissingLanguageIsAUsageError() {
        CommandLineTest.Outcome outcome = CommandLineTest.run("export", EXAMPLE.toString());

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).startsWith("error: Missing required option: '--to=LANGUAGE'")
                .doesNotContain("Exception");
    }
}
