package sluice.app.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.app.WorkbenchFixture.onFx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import sluice.app.Workbench;
import sluice.app.WorkbenchFixture;

/**
 * A problem clicked in the problems panel brings its option into view on the property sheet, however far down the
 * sheet it is (a file source's sheet is many times the panel's height at 1280 by 800).
 */
@ExtendWith(ApplicationExtension.class)
class FocusInViewTest {
    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = WorkbenchFixture.open(stage);
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void clickingAProblemFocusesItsOptionAndScrollsTheSheetToIt(FxRobot robot, @TempDir Path folder)
            throws IOException {
        Path pipeline = folder.resolve("glob.sluice.json");
        Files.writeString(pipeline, """
                {"format": "sluice/1", "name": "Bad glob", "nodes": [
                  {"id": "files", "type": "source.file", "x": 40, "y": 60,
                   "options": {"path": "%s", "format": "text", "pathGlobFilter": "["}},
                  {"id": "table", "type": "sink.table", "inputs": ["files"], "x": 300, "y": 60}]}
                """.formatted(folder.toString().replace("\\", "\\\\")));
        robot.interact(() -> workbench.files().open(pipeline));
        WorkbenchFixture.await("the problem is listed", () -> onFx(() -> robot.lookup(".problem-where")
                .queryAllAs(Label.class).stream().anyMatch(label -> label.getText().equals("files · pathGlobFilter"))));
        robot.interact(() -> workbench.selection().selectOnly("files"));
        WorkbenchFixture.await("the sheet shows the option", () -> robot.lookup("#option-pathGlobFilter")
                .tryQuery().isPresent());
        assertThat(inView(robot)).as("the option starts out of view, below the sheet's first rows").isFalse();

        robot.clickOn(".problem-message");

        WorkbenchFixture.await("the option is focused",
                () -> onFx(() -> robot.lookup("#option-pathGlobFilter").query().isFocused()));
        WorkbenchFixture.await("the option is in view", () -> inView(robot));
    }

    private static boolean inView(FxRobot robot) {
        return onFx(() -> {
            Node sheet = robot.lookup("#properties-panel").query();
            Node field = robot.lookup("#option-pathGlobFilter").query();
            Bounds shown = sheet.localToScreen(sheet.getBoundsInLocal());
            Bounds at = field.localToScreen(field.getBoundsInLocal());
            return at.getMinY() >= shown.getMinY() && at.getMaxY() <= shown.getMaxY();
        });
    }
}
