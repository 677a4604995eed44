package sluice.spark.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import sluice.engine.cli.Main;
import sluice.spark.compat.CaseFiles;
import sluice.spark.compat.ConsoleText;
import sluice.spark.compat.TestSpark;

class SparkRunnerTest {
    private static final Path SAMPLE_DATA = Path.of("..", "sample-data").toAbsolutePath().normalize();

    @Test
    void runnerPrintsStocksReplayAsSluiceRunDoes() {
        Path pipeline = CaseFiles.copy(SAMPLE_DATA, "sluice-runner-").resolve("pipelines/stocks-replay.sluice.json");
        ByteArrayOutputStream sluiceOut = new ByteArrayOutputStream();
        ByteArrayOutputStream sparkOut = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        int sluiceCode = Main.execute(new String[] {"run", pipeline.toString(), "--trigger", "available-now"},
                utf8(sluiceOut), utf8(errors));
        int sparkCode = scala.Console.withOut(utf8(sparkOut), () -> new SparkRunner(TestSpark.session(),
                utf8(errors)).run(List.of(pipeline.toString(), "--trigger", "available-now")));

        assertThat(errors.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(sparkCode).isZero();
        assertThat(sluiceCode).isZero();
        List<String> sparkBatches = ConsoleText.batches(sparkOut.toString(StandardCharsets.UTF_8));
        assertThat(sparkBatches).hasSize(12);
        assertThat(ConsoleText.batches(sluiceOut.toString(StandardCharsets.UTF_8)))
                .containsExactlyElementsOf(sparkBatches);
    }

    @Test
    void runnerRejectsAnInvalidPipelineWithSluicesMessages() {
        Path pipeline = CaseFiles.resource("/runner/unknown-column.sluice.json");
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        int code = new SparkRunner(TestSpark.session(), utf8(errors)).run(List.of(pipeline.toString()));

        assertThat(code).isEqualTo(2);
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("select / expressions #1, 1:1: unknown column 'nmae'; did you mean 'name'?")
                .contains("1 problem in");
    }

    @Test
    void runnerReportsAMisspelledArgument() {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        int code = new SparkRunner(TestSpark.session(), utf8(errors)).run(List.of("a.sluice.json", "--triger", "once"));

        assertThat(code).isEqualTo(2);
        assertThat(errors.toString(StandardCharsets.UTF_8)).startsWith("error: unexpected argument '--triger'\n");
    }

    private static PrintStream utf8(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
