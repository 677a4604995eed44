package sluice.app;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.app.WorkbenchFixture.onFx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import sluice.app.problems.ListedProblem;

/**
 * A broken pipeline shows all its independent problems at once in the problems panel: one after a broken node, and
 * "no sink" beside the others.
 */
@ExtendWith(ApplicationExtension.class)
class EveryProblemTest {
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
    void theProblemsPanelListsAProblemAfterABrokenNodeAndNoSinkTogether(FxRobot robot, @TempDir Path folder)
            throws IOException {
        Path pipeline = folder.resolve("broken.sluice.json");
        Files.writeString(pipeline, """
                {"format": "sluice/1", "name": "Broken", "nodes": [
                  {"id": "rate", "type": "source.rate", "x": 40, "y": 60, "options": {"rowsPerSecond": "many"}},
                  {"id": "keep", "type": "transform.filter", "inputs": ["rate"], "x": 300, "y": 60,
                   "options": {"condition": "value >"}}]}
                """);

        robot.interact(() -> workbench.files().open(pipeline));

        WorkbenchFixture.await("the problems are listed", () -> problems(robot).getItems().size() == 3);
        List<String> listed = onFx(() -> problems(robot).getItems().stream()
                .map(p -> p.problem().where().nodeId() + ": " + p.problem().message()).toList());
        assertThat(listed).containsExactly(
                "rate: 'rowsPerSecond' must be a whole number, not 'many'",
                "null: the pipeline has no sink; add one (such as sink.console) so its rows go somewhere",
                "keep: expected an expression but found end of input");
        List<String> shown = onFx(() -> robot.lookup(".problem-message").queryAllAs(Label.class).stream()
                .filter(Label::isVisible).map(Label::getText).toList());
        assertThat(shown).containsAll(listed.stream().map(line -> line.substring(line.indexOf(": ") + 2)).toList());
    }

    @SuppressWarnings("unchecked")
    private static ListView<ListedProblem> problems(FxRobot robot) {
        return robot.lookup("#problems-list").queryAs(ListView.class);
    }
}
