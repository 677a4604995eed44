package sluice.app;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import sluice.app.run.RunState;

@ExtendWith(ApplicationExtension.class)
class WorkbenchTest {
    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage window) {
        stage = window;
        workbench = WorkbenchFixture.open(window);
        workbench.files().open(WorkbenchFixture.example("stocks-replay"));
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void titleNamesTheOpenPipeline() {
        assertThat(stage.getTitle()).isEqualTo("Sluice — Stocks replay: daily change per symbol");
    }

    @Test
    void runReplaysTheStocksFolderAndTheConsoleShowsBatches(FxRobot robot) {
        WorkbenchFixture.await("the example is checked", () -> workbench.validation().planProperty().get() != null);

        robot.clickOn("#run-button");
        WorkbenchFixture.await("two batches ran", () -> robot.lookup("#batch-id").queryAs(Label.class).getText()
                .equals("Batch: 1"));

        assertThat(workbench.session().state()).isEqualTo(RunState.RUNNING);
        assertThat(workbench.selection().nodes()).containsExactly("table");
        WorkbenchFixture.await("the inspector shows the table sink's rows",
                () -> workbench.inspector().shownRows().size() == 252);
        robot.clickOn("#stop-button");
        WorkbenchFixture.await("the run stopped", () -> !workbench.session().state().isActive());
        assertThat(robot.lookup("#run-button").queryAs(Button.class).isDisabled()).isFalse();
    }
}
