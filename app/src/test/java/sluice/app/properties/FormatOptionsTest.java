package sluice.app.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import sluice.app.Workbench;
import sluice.app.WorkbenchFixture;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;

/** A file source's sheet lists the options of its format: no CSV quoting for Parquet, no mergeSchema for CSV. */
@ExtendWith(ApplicationExtension.class)
class FormatOptionsTest {
    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = WorkbenchFixture.open(stage);
        workbench.document().replace(new PipelineSpec(PipelineSpec.FORMAT, "Formats", Trigger.DEFAULT, null,
                List.of(TestPipelines.node("files", "source.file", List.of(), Map.of("path",
                                OptionValue.of(WorkbenchFixture.STOCKS.toString()), "format", OptionValue.of("csv"),
                                "schema", OptionValue.of(WorkbenchFixture.STOCKS_SCHEMA))),
                        TestPipelines.node("out", "sink.noop", List.of("files"), Map.of()))), null);
        workbench.selection().selectOnly("files");
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    private boolean shows(FxRobot robot, String option) {
        return WorkbenchFixture.<Boolean>onFx(() -> robot.lookup("#option-" + option).tryQuery().isPresent());
    }

    @Test
    void choosingAnotherFormatChangesTheRows(FxRobot robot) {
        WorkbenchFixture.await("the sheet is shown", () -> robot.lookup("#option-sep").tryQuery().isPresent());
        assertThat(shows(robot, "quote")).isTrue();
        assertThat(shows(robot, "mergeSchema")).isFalse();
        assertThat(shows(robot, "allowComments")).isFalse();
        assertThat(shows(robot, "maxFilesPerTrigger")).isTrue();

        robot.interact(() -> workbench.document().apply(new SetOption("files", "format", OptionValue.of("parquet"))));
        WorkbenchFixture.await("the Parquet rows are shown",
                () -> robot.lookup("#option-mergeSchema").tryQuery().isPresent());

        assertThat(shows(robot, "sep")).isFalse();
        assertThat(shows(robot, "quote")).isFalse();
        assertThat(shows(robot, "mode")).isFalse();
        assertThat(shows(robot, "maxFilesPerTrigger")).isTrue();
        assertThat(shows(robot, "schema")).isTrue();
    }

    @Test
    void anOptionSetInTheFileKeepsItsRowUnderAnotherFormat(FxRobot robot) {
        robot.interact(() -> workbench.document().apply(new SetOption("files", "sep", OptionValue.of(";"))));
        robot.interact(() -> workbench.document().apply(new SetOption("files", "format", OptionValue.of("json"))));
        WorkbenchFixture.await("the JSON rows are shown",
                () -> robot.lookup("#option-allowComments").tryQuery().isPresent());

        assertThat(shows(robot, "sep")).isTrue();
        assertThat(shows(robot, "quote")).isFalse();
    }
}
