package sluice.app;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.app.WorkbenchFixture.onFx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
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
 * The problems panel before any run: a broken pipeline shows all its independent problems at once (one after a broken
 * node, and "no sink" beside the others), a broken file says where and what was expected in words, and a source
 * folder that does not exist is a problem rather than a failed run; a message that wraps keeps a cell tall enough.
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
        assertThat(shown(robot, ".problem-message"))
                .containsAll(listed.stream().map(line -> line.substring(line.indexOf(": ") + 2)).toList());
    }

    @Test
    void aBrokenFileIsListedAtItsLineAndColumnSayingWhatWasExpected(FxRobot robot, @TempDir Path folder)
            throws IOException {
        Path pipeline = folder.resolve("cut.sluice.json");
        Files.writeString(pipeline, "{\"format\": \"sluice/1\",\n \"nodes\": [");

        robot.interact(() -> workbench.files().open(pipeline));

        WorkbenchFixture.await("the problem is listed", () -> !problems(robot).getItems().isEmpty());
        assertThat(shown(robot, ".problem-where")).startsWith("pipeline · 2:12");
        assertThat(shown(robot, ".problem-message")).startsWith(
                "invalid JSON: the file ends too early; expected ']' to close the array opened at line 2, column 11")
                .noneMatch(text -> text.contains("Source") || text.contains("REDACTED"));
    }

    @Test
    void aSourceFolderThatDoesNotExistIsAProblemBeforeTheRun(FxRobot robot, @TempDir Path folder)
            throws IOException {
        Path pipeline = folder.resolve("missing.sluice.json");
        Files.writeString(pipeline, """
                {"format": "sluice/1", "name": "Missing", "nodes": [
                  {"id": "files", "type": "source.file", "x": 40, "y": 60,
                   "options": {"path": "not-yet", "format": "text"}},
                  {"id": "table", "type": "sink.table", "inputs": ["files"], "x": 300, "y": 60}]}
                """);

        robot.interact(() -> workbench.files().open(pipeline));

        WorkbenchFixture.await("the problem is listed", () -> !problems(robot).getItems().isEmpty());
        assertThat(shown(robot, ".problem-where")).containsExactly("files · path");
        assertThat(shown(robot, ".problem-message")).containsExactly("[PATH_NOT_FOUND] Path does not exist: '"
                + folder.resolve("not-yet") + "'; create the folder, or give a glob such as 'not-yet/*' to read files "
                + "that appear later");
        assertThat(onFx(() -> robot.lookup("#run-button").query().isDisabled())).isTrue();
    }

    private static List<String> shown(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryAllAs(Label.class).stream()
                .filter(label -> label.isVisible() && !label.getText().isEmpty()).map(Label::getText).toList());
    }

    @SuppressWarnings("unchecked")
    @Test
    void cellsOfWrappedMessagesDoNotPaintOverEachOther(FxRobot robot, @TempDir Path folder) throws IOException {
        Path pipeline = folder.resolve("broken.sluice.json");
        Files.writeString(pipeline, """
                {"format": "sluice/1", "name": "Broken", "nodes": [
                  {"id": "rate", "type": "source.rate", "x": 40, "y": 60},
                  {"id": "per-2s", "type": "transform.aggregate", "inputs": ["rate"], "x": 300, "y": 60,
                   "options": {"groupBy": ["window(timestamp, '2 seconds')"], "aggregations": ["avg(vale)"]}},
                  {"id": "per-6s", "type": "transform.aggregate", "inputs": ["rate"], "x": 300, "y": 200,
                   "options": {"groupBy": ["window(timestamp, '6 seconds')"], "aggregations": ["sum(nn) AS n"]}},
                  {"id": "table", "type": "sink.table", "inputs": ["per-2s"], "x": 540, "y": 60},
                  {"id": "table-6s", "type": "sink.table", "inputs": ["per-6s"], "x": 540, "y": 200}]}
                """);
        WorkbenchFixture.openChecked(robot, workbench, pipeline);
        ListView<ListedProblem> list = problems(robot);
        WorkbenchFixture.await("two problems listed", () -> onFx(() -> list.getItems().size()) == 2);

        // Each cell is as tall as its wrapped message, so none paints over the next.
        onFx(() -> {
            List<ListCell<?>> cells = list.lookupAll(".problem-cell").stream()
                    .<ListCell<?>>map(node -> (ListCell<?>) node)
                    .filter(cell -> cell.getItem() != null && cell.isVisible())
                    .sorted(Comparator.comparingInt(IndexedCell::getIndex)).toList();
            assertThat(cells).hasSize(2);
            for (ListCell<?> cell : cells) {
                Label message = (Label) cell.lookup(".problem-message");
                assertThat(message.getHeight()).isGreaterThanOrEqualTo(message.prefHeight(message.getWidth()) - 0.5);
                Bounds inCell = cell.sceneToLocal(message.localToScene(message.getLayoutBounds()));
                assertThat(inCell.getMaxY()).isLessThanOrEqualTo(cell.getHeight() + 0.5);
            }
            assertThat(cells.get(0).getBoundsInParent().getMaxY())
                    .isLessThanOrEqualTo(cells.get(1).getBoundsInParent().getMinY() + 0.5);
            return null;
        });
    }

    private static ListView<ListedProblem> problems(FxRobot robot) {
        return robot.lookup("#problems-list").queryAs(ListView.class);
    }
}
