package sluice.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.app.WorkbenchFixture.awaitText;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import sluice.app.Workbench;
import sluice.app.OrderedSampleData;
import sluice.app.WorkbenchFixture;
import sluice.engine.cli.Main;

/** The Console tab of the real window against the command line's output for the same pipeline. */
@ExtendWith(ApplicationExtension.class)
class ConsolePanelTest {
    private Workbench workbench;

    @Start
    void start(Stage window) {
        workbench = WorkbenchFixture.open(window);
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void consoleTabShowsExactlyWhatTheCommandLinePrints(FxRobot robot) {
        Path pipeline = OrderedSampleData.example("stocks-replay");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.execute(new String[] {"run", pipeline.toString(), "--trigger", "available-now"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(exit).isZero();
        WorkbenchFixture.openChecked(robot, workbench, pipeline);

        robot.clickOn("#trigger-choice").clickOn("Available now");
        robot.clickOn("#run-button");
        awaitText(robot, "#run-state", "Finished");
        robot.clickOn("Console");

        assertThat(WorkbenchFixture.onFx(() -> robot.lookup("#rows-tabs").queryAs(TabPane.class)
                .getSelectionModel().getSelectedItem().getText())).isEqualTo("Console");
        String printed = out.toString(StandardCharsets.UTF_8);
        TextArea console = robot.lookup("#console-output").queryAs(TextArea.class);
        // The last batch's text may reach the window a pulse after the run's end; it comes in one piece.
        WorkbenchFixture.await("the console shows the last batch", () -> console.getText().contains("Batch: 11\n"));
        String shown = WorkbenchFixture.onFx(() -> console.getText());
        assertThat(shown).startsWith("-------------------------------------------\nBatch: 0\n").isEqualTo(printed);
    }
}
