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
import org.testfx.util.WaitForAsyncUtils;
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
    void saveKeepsTextStillBeingTyped(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
            throws Exception {
        java.nio.file.Path copy = folder.resolve("copy.sluice.json");
        java.nio.file.Files.copy(WorkbenchFixture.example("stocks-replay"), copy);
        robot.interact(() -> workbench.files().open(copy));

        robot.clickOn("#pipeline-name").push(javafx.scene.input.KeyCode.END).write(" (mine)");
        robot.push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.S);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(sluice.engine.pipeline.PipelineJson.read(copy).spec().name())
                .isEqualTo("Stocks replay: daily change per symbol (mine)");
    }

    @Test
    void titleNamesTheFileAndThePipeline(FxRobot robot) {
        assertThat(stage.getTitle())
                .isEqualTo("Sluice — 'stocks-replay.sluice.json' (Stocks replay: daily change per symbol)");

        robot.interact(() -> workbench.files().newDocument());

        assertThat(stage.getTitle()).isEqualTo("Sluice — the new pipeline 'Untitled'");
    }

    @Test
    void quitAsksAboutUnsavedChangesAndCancelKeepsTheWindow(FxRobot robot) {
        java.util.List<String> asked = new java.util.ArrayList<>();
        workbench.files().setPrompt(name -> {
            asked.add(name);
            return sluice.app.files.UnsavedChanges.Choice.CANCEL;
        });
        robot.interact(() -> workbench.document().apply(new sluice.app.properties.RenamePipeline("Changed")));

        robot.clickOn("#pipeline-canvas").push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.Q);

        assertThat(asked).containsExactly("'stocks-replay.sluice.json' (Changed)");
        assertThat(WorkbenchFixture.onFx(stage::isShowing)).isTrue();
    }

    @Test
    void quitWithoutSavingClosesTheWindow(FxRobot robot) {
        workbench.files().setPrompt(name -> sluice.app.files.UnsavedChanges.Choice.DISCARD);
        robot.interact(() -> workbench.document().apply(new sluice.app.properties.RenamePipeline("Changed")));

        robot.clickOn("#pipeline-canvas").push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.Q);

        assertThat(WorkbenchFixture.onFx(stage::isShowing)).isFalse();
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
