package sluice.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.expr.parse.Parser;

/**
 * The probe's deep expressions (1,000 nested parentheses, a sum of 3,000 terms) on the command line: one line per
 * problem and exit code 2 from validate, run and export, never a StackOverflowError.
 */
class DeepExpressionCommandTest {
    private static final String TOO_DEEP = "the expression nests more than " + Parser.MAX_NESTING
            + " levels deep (operators, function calls and parentheses); split it into smaller expressions";

    @TempDir
    Path dir;

    private Path pipeline() throws Exception {
        String parentheses = "(".repeat(1000) + "value" + ")".repeat(1000);
        String sum = String.join(" + ", Collections.nCopies(3000, "value"));
        Path file = dir.resolve("deep.sluice.json");
        Files.writeString(file, """
                {"format": "sluice/1", "name": "deep", "nodes": [
                  {"id": "rate", "type": "source.rate"},
                  {"id": "select", "type": "transform.select", "inputs": ["rate"],
                   "options": {"expressions": ["%s"]}},
                  {"id": "filter", "type": "transform.filter", "inputs": ["rate"], "options": {"condition": "%s"}},
                  {"id": "selected", "type": "sink.noop", "inputs": ["select"]},
                  {"id": "filtered", "type": "sink.noop", "inputs": ["filter"]}]}
                """.formatted(parentheses, sum + " > 0"));
        return file;
    }

    @Test
    void validateReportsEachTooDeepExpressionOnOneLine() throws Exception {
        Path file = pipeline();

        CommandLineTest.Outcome outcome = CommandLineTest.run("validate", file.toString());

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err().lines()).containsExactly(
                file + ": select / expressions #1, 1:" + (Parser.MAX_NESTING + 1) + ": " + TOO_DEEP,
                file + ": filter / condition, 1:1: " + TOO_DEEP,
                "2 problems in " + file);
    }

    @Test
    void runAndExportRefuseItTheSameWay() throws Exception {
        Path file = pipeline();

        CommandLineTest.Outcome run = CommandLineTest.run("run", file.toString(), "--max-batches", "1");
        CommandLineTest.Outcome export = CommandLineTest.run("export", file.toString(), "--to", "scala");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(export.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(TOO_DEEP).doesNotContain("StackOverflowError").doesNotContain("\tat ");
        assertThat(export.err()).contains(TOO_DEEP).doesNotContain("StackOverflowError").doesNotContain("\tat ");
    }
}
