package sluice.app;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.app.WorkbenchFixture.awaitText;
import static sluice.app.WorkbenchFixture.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import sluice.app.edit.MoveNodes;

/**
 * The run toolbar of the real window: Pause, Step, Resume, and Run disabled by problems. The engine runs on a manual
 * clock, so the every-second trigger starts a batch only when the test moves the clock.
 */
@ExtendWith(ApplicationExtension.class)
class RunControlsTest {
    /** The batch list's button (its popup's list is also a child of the combo box, with cells of its own). */
    private static final String BATCH_LIST_BUTTON = "#inspector-batch > .list-cell";
    private final ManualClock clock = new ManualClock();
    private Workbench workbench;

    @Start
    void start(Stage window) {
        workbench = WorkbenchFixture.open(window, clock);
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    private void open(FxRobot robot, Path pipeline) {
        WorkbenchFixture.openChecked(robot, workbench, pipeline);
    }

    /** Moves the clock and waits until the query has read the new time, so it has decided whether a batch is due. */
    private void advance(Duration by) {
        clock.advance(by);
        WorkbenchFixture.await("the query read the clock", clock::readSinceMove);
    }

    private static boolean isDisabled(FxRobot robot, String query) {
        return WorkbenchFixture.onFx(() -> robot.lookup(query).query().isDisabled());
    }

    @Test
    void pauseHoldsBatchesStepRunsExactlyOneAndResumeContinues(FxRobot robot) {
        open(robot, OrderedSampleData.example("stocks-replay"));
        robot.clickOn("#run-button");
        awaitText(robot, "#batch-id", "Batch: 0");
        awaitText(robot, "#inspector-summary", "batch 0 · 252 rows (showing 252)");

        robot.clickOn("#pause-button");
        advance(Duration.ofSeconds(3));

        assertThat(text(robot, "#run-state")).isEqualTo("Paused");
        assertThat(text(robot, "#batch-id")).isEqualTo("Batch: 0");
        assertThat(text(robot, "#inspector-summary")).isEqualTo("batch 0 · 252 rows (showing 252)");
        assertThat(isDisabled(robot, "#pause-button")).isTrue();
        assertThat(isDisabled(robot, "#run-button")).as("Run resumes a paused run").isFalse();

        robot.clickOn("#step-button");
        awaitText(robot, "#batch-id", "Batch: 1");
        awaitText(robot, "#inspector-summary", "batch 1 of 0–1 · 252 rows (showing 252)");
        assertThat(text(robot, "#run-state")).isEqualTo("Paused");

        robot.clickOn("#run-button");
        assertThat(text(robot, "#run-state")).isEqualTo("Running");
        advance(Duration.ofSeconds(1));
        awaitText(robot, "#batch-id", "Batch: 2");

        robot.clickOn("#stop-button");
        awaitText(robot, "#run-state", "Stopped");
        assertThat(text(robot, "#batch-id")).isEqualTo("Batch: 2");
        awaitText(robot, "#inspector-summary", "batch 2 of 0–2 · 251 rows (showing 251)");
    }

    @Test
    void theBatchListShowsTheBatchShownAndTheSummaryCountsIdsFromZero(FxRobot robot) {
        open(robot, WorkbenchFixture.example("stocks-replay"));
        robot.clickOn("#step-button");
        awaitText(robot, "#batch-id", "Batch: 0");
        robot.clickOn("#step-button");
        awaitText(robot, "#batch-id", "Batch: 1");
        robot.clickOn("#step-button");
        awaitText(robot, "#batch-id", "Batch: 2");
        awaitText(robot, "#inspector-summary", "batch 2 of 0–2 · 251 rows (showing 251)");
        assertThat(text(robot, BATCH_LIST_BUTTON)).isEqualTo("2");

        robot.clickOn("#inspector-previous");

        assertThat(text(robot, BATCH_LIST_BUTTON)).isEqualTo("1");
        assertThat(text(robot, "#inspector-summary")).isEqualTo("batch 1 of 0–2 · 252 rows (showing 252)");
        robot.clickOn("#stop-button");
    }

    @Test
    void stepFromAStoppedPipelineRunsOneBatchAtATime(FxRobot robot) {
        open(robot, OrderedSampleData.example("stocks-replay"));

        robot.clickOn("#step-button");
        awaitText(robot, "#batch-id", "Batch: 0");
        awaitText(robot, "#run-state", "Paused");
        robot.clickOn("#step-button");
        awaitText(robot, "#batch-id", "Batch: 1");
        robot.clickOn("#step-button");
        awaitText(robot, "#batch-id", "Batch: 2");

        robot.clickOn("#stop-button");
        awaitText(robot, "#run-state", "Stopped");
        assertThat(text(robot, "#batch-id")).isEqualTo("Batch: 2");
        awaitText(robot, "#inspector-summary", "batch 2 of 0–2 · 251 rows (showing 251)");
    }

    @Test
    void theRunOptionRunsAPipelineCheckedBeforeItAskedAndOnlyOnce(FxRobot robot) {
        open(robot, OrderedSampleData.example("stocks-replay"));

        robot.interact(workbench::runWhenChecked);

        awaitText(robot, "#batch-id", "Batch: 0");
        robot.clickOn("#stop-button");
        awaitText(robot, "#run-state", "Stopped");
        String first = workbench.document().spec().nodes().get(0).id();
        robot.interact(() -> workbench.document().apply(new MoveNodes(List.of(first), 10, 0)));
        WorkbenchFixture.await("the edit is checked",
                () -> workbench.validation().checkedProperty().get() == workbench.document().spec());
        assertThat(text(robot, "#run-state")).isEqualTo("Stopped");
    }

    @Test
    void theRunOptionRunsAPipelineOpenedJustBeforeWithPathsRelativeToItsFolder(FxRobot robot, @TempDir Path folder)
            throws IOException {
        Files.createDirectories(folder.resolve("in"));
        Files.writeString(folder.resolve("in/a.csv"), "1,one\n");
        Path pipeline = folder.resolve("relative.sluice.json");
        Files.writeString(pipeline, """
                {"format": "sluice/1", "name": "Relative", "nodes": [
                  {"id": "files", "type": "source.file", "x": 40, "y": 80,
                   "options": {"path": "in", "format": "csv", "schema": "n INT, name STRING"}},
                  {"id": "table", "type": "sink.table", "inputs": ["files"], "x": 300, "y": 80}]}
                """);

        // As the window's --run: the first check of the opened pipeline must already see its folder.
        robot.interact(() -> {
            workbench.files().open(pipeline);
            workbench.runWhenChecked();
        });

        awaitText(robot, "#batch-id", "Batch: 0");
    }

    @Test
    void runIsDisabledWhileThePipelineHasProblemsAndSaysWhy(FxRobot robot, @TempDir Path folder) throws IOException {
        open(robot, brokenFilter(folder));

        assertThat(isDisabled(robot, "#run-button")).isTrue();
        assertThat(isDisabled(robot, "#step-button")).isTrue();
        assertThat(isDisabled(robot, "#preview-button")).isTrue();
        assertThat(text(robot, "#run-disabled-reason")).isEqualTo("Fix 1 problem to run (see Problems)");
        assertThat(runMenu(robot, "run-item").isDisable()).isTrue();
        assertThat(runMenu(robot, "step-item").isDisable()).isTrue();
        assertThat(runMenu(robot, "preview-item").isDisable()).isTrue();
        robot.clickOn("#pipeline-canvas").push(KeyCode.F5);
        assertThat(text(robot, "#run-state")).isEqualTo("Ready");

        robot.clickOn("#node-keep").clickOn("#option-condition");
        robot.push(KeyCode.CONTROL, KeyCode.A).write("Close > 100").type(KeyCode.ENTER);
        awaitText(robot, "#run-disabled-reason", "");

        assertThat(isDisabled(robot, "#run-button")).isFalse();
        assertThat(isDisabled(robot, "#step-button")).isFalse();
        assertThat(runMenu(robot, "run-item").isDisable()).isFalse();
        assertThat(runMenu(robot, "step-item").isDisable()).isFalse();
        robot.clickOn("#run-button");
        awaitText(robot, "#batch-id", "Batch: 0");
    }

    /** A file source of the stocks folder into a filter on a misspelt column, into a table. */
    private static Path brokenFilter(Path folder) throws IOException {
        Path pipeline = folder.resolve("broken.sluice.json");
        Files.writeString(pipeline, """
                {"format": "sluice/1", "name": "Broken filter", "trigger": {"processingTime": "1 second"},
                 "checkpointLocation": null,
                 "nodes": [
                  {"id": "stocks", "type": "source.file", "x": 40, "y": 60, "options": {"path": "%s",
                   "format": "csv", "header": "true", "schema": "%s", "maxFilesPerTrigger": "1"}},
                  {"id": "keep", "type": "transform.filter", "inputs": ["stocks"], "x": 300, "y": 60,
                   "options": {"condition": "Closee > 100"}},
                  {"id": "table", "type": "sink.table", "inputs": ["keep"], "x": 560, "y": 60,
                   "options": {"outputMode": "append"}}]}
                """.formatted(WorkbenchFixture.STOCKS.toString().replace("\\", "\\\\"),
                WorkbenchFixture.STOCKS_SCHEMA));
        return pipeline;
    }

    private static MenuItem runMenu(FxRobot robot, String id) {
        return WorkbenchFixture.onFx(() -> {
            for (Menu menu : robot.lookup("#menu-bar").queryAs(MenuBar.class).getMenus()) {
                for (MenuItem item : menu.getItems()) {
                    if (id.equals(item.getId())) {
                        return item;
                    }
                }
            }
            throw new AssertionError("no menu item " + id);
        });
    }
}
