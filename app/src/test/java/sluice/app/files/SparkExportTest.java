package sluice.app.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.app.WorkbenchFixture;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Problem;
import sluice.engine.export.ScriptLanguage;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.pipeline.PipelineJson;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.plan.NodeCatalog;

/** What File › Export to Spark… does once the dialogs have answered, without the toolkit. */
class SparkExportTest {
    private final SparkExport export = new SparkExport(NodeCatalog.standard());
    private final PipelineSpec stocks = PipelineJson.read(WorkbenchFixture.example("stocks-replay")).spec();

    @Test
    void writesTheScriptOfAValidPipeline(@TempDir Path folder) throws Exception {
        Path target = folder.resolve("stocks.py");

        List<Problem> problems = export.write(stocks, WorkbenchFixture.EXAMPLES, "stocks-replay.sluice.json",
                ScriptLanguage.PYSPARK, target);

        assertThat(problems).isEmpty();
        assertThat(Files.readString(target)).startsWith("# Stocks replay: daily change per symbol\n")
                .contains("#     spark-submit stocks.py\n")
                .contains(".load(\"" + WorkbenchFixture.EXAMPLES.resolveSibling("stocks") + "\")");
    }

    @Test
    void anInvalidPipelineWritesNothingAndReturnsItsProblems(@TempDir Path folder) {
        PipelineSpec broken = stocks.withNodes(stocks.nodes().stream()
                .map(n -> n.id().equals("change") ? n.withOption("expressions", OptionValue.of(List.of("Nmae")))
                        : n).toList());
        Path target = folder.resolve("broken.scala");

        List<Problem> problems = export.write(broken, WorkbenchFixture.EXAMPLES, "stocks-replay.sluice.json",
                ScriptLanguage.SCALA, target);

        assertThat(problems).extracting(Problem::render)
                .contains("change / expressions #1, 1:1: unknown column 'Nmae'; did you mean 'Name'?");
        assertThat(target).doesNotExist();
    }

    @Test
    void aTargetThatCannotBeWrittenIsAProblemNotACrash(@TempDir Path folder) {
        Path target = folder.resolve("missing-folder").resolve("stocks.py");

        List<Problem> problems = export.write(stocks, WorkbenchFixture.EXAMPLES, "stocks-replay.sluice.json",
                ScriptLanguage.PYSPARK, target);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(ErrorCode.INVALID_FILE);
            assertThat(problem.message()).startsWith("cannot export to '" + target + "': ")
                    .doesNotContain("Exception");
        });
    }
}
