package sluice.app;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.app.WorkbenchFixture.awaitText;
import static sluice.app.WorkbenchFixture.text;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.PipelineJson;

/**
 * Every keyboard shortcut the README lists, pressed in the real window with the focus on the canvas. Runs use a
 * manual clock, so the every-second trigger runs one batch until the test moves the clock.
 */
@ExtendWith(ApplicationExtension.class)
class ShortcutsTest {
    private final ManualClock clock = new ManualClock();
    private final String preferences = "sluice-test/" + UUID.randomUUID();
    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage window) {
        // The theme shortcut remembers its choice: keep it away from the other tests' preferences.
        System.setProperty("sluice.preferences", preferences);
        stage = window;
        workbench = WorkbenchFixture.open(window, clock);
    }

    @AfterEach
    void close(FxRobot robot) throws BackingStoreException {
        workbench.close();
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        System.clearProperty("sluice.preferences");
        Preferences.userRoot().node(preferences).removeNode();
    }

    private void open(FxRobot robot, Path pipeline) {
        WorkbenchFixture.openChecked(robot, workbench, pipeline);
    }

    /** Clicks an empty corner of the canvas: the canvas gets the focus and nothing is selected. */
    private static void focusCanvas(FxRobot robot) {
        Node canvas = robot.lookup("#pipeline-canvas").query();
        Bounds area = WorkbenchFixture.onFx(() -> canvas.localToScreen(canvas.getBoundsInLocal()));
        robot.clickOn(new Point2D(area.getMaxX() - 10, area.getMaxY() - 10));
    }

    private static List<String> nodesShown(FxRobot robot) {
        return WorkbenchFixture.onFx(() -> robot.lookup(".node-view").queryAll().stream().map(Node::getId)
                .sorted().toList());
    }

    @Test
    void f5RunsAndShiftF5Stops(FxRobot robot) {
        open(robot, OrderedSampleData.example("stocks-replay"));
        focusCanvas(robot);

        robot.push(KeyCode.F5);
        awaitText(robot, "#run-state", "Running");
        awaitText(robot, "#batch-id", "Batch: 0");
        robot.push(KeyCode.SHIFT, KeyCode.F5);

        awaitText(robot, "#run-state", "Stopped");
    }

    @Test
    void f5WhileRunningLeavesTheRunAlone(FxRobot robot) {
        open(robot, OrderedSampleData.example("stocks-replay"));
        focusCanvas(robot);
        robot.push(KeyCode.F5);
        awaitText(robot, "#batch-id", "Batch: 0");
        clock.advance(Duration.ofSeconds(1));
        awaitText(robot, "#batch-id", "Batch: 1");
        awaitText(robot, "#inspector-summary", "batch 1 of 0–1 · 252 rows (showing 252)");

        robot.push(KeyCode.F5);

        assertThat(text(robot, "#run-state")).isEqualTo("Running");
        assertThat(text(robot, "#batch-id")).isEqualTo("Batch: 1");
        assertThat(text(robot, "#inspector-summary")).isEqualTo("batch 1 of 0–1 · 252 rows (showing 252)");
    }

    @Test
    void ctrlRRuns(FxRobot robot) {
        open(robot, OrderedSampleData.example("stocks-replay"));
        focusCanvas(robot);

        robot.push(KeyCode.CONTROL, KeyCode.R);

        awaitText(robot, "#run-state", "Running");
        awaitText(robot, "#batch-id", "Batch: 0");
    }

    @Test
    void f6StepsOneBatchAtATime(FxRobot robot) {
        open(robot, OrderedSampleData.example("stocks-replay"));
        focusCanvas(robot);

        robot.push(KeyCode.F6);
        awaitText(robot, "#batch-id", "Batch: 0");
        awaitText(robot, "#run-state", "Paused");
        robot.push(KeyCode.F6);

        awaitText(robot, "#batch-id", "Batch: 1");
        assertThat(text(robot, "#run-state")).isEqualTo("Paused");
    }

    @Test
    void f7PreviewsOneBatch(FxRobot robot) {
        open(robot, OrderedSampleData.example("stocks-replay"));
        focusCanvas(robot);

        robot.push(KeyCode.F7);

        awaitText(robot, "#run-state", "Finished");
        awaitText(robot, "#batch-id", "Batch: 0");
    }

    @Test
    void deleteRemovesTheSelectedNodeCtrlZBringsItBackAndCtrlShiftZRemovesItAgain(FxRobot robot) {
        open(robot, OrderedSampleData.example("stocks-replay"));
        List<String> all = nodesShown(robot);

        robot.clickOn("#node-table").push(KeyCode.DELETE);
        assertThat(nodesShown(robot)).doesNotContain("node-table").hasSize(all.size() - 1);
        assertThat(editMenu(robot, 0).getText()).isEqualTo("Undo Delete table");

        robot.push(KeyCode.CONTROL, KeyCode.Z);
        assertThat(nodesShown(robot)).isEqualTo(all);

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        assertThat(nodesShown(robot)).doesNotContain("node-table").hasSize(all.size() - 1);
    }

    @Test
    void ctrlCThenCtrlVPastesACopyOfTheSelectedNode(FxRobot robot) {
        open(robot, OrderedSampleData.example("stocks-replay"));

        robot.clickOn("#node-change").push(KeyCode.CONTROL, KeyCode.C);
        robot.push(KeyCode.CONTROL, KeyCode.V);

        assertThat(nodesShown(robot)).contains("node-change", "node-select-1");
        assertThat(workbench.document().spec().node("select-1").map(NodeSpec::options))
                .isEqualTo(workbench.document().spec().node("change").map(NodeSpec::options));
        assertThat(workbench.selection().nodes()).containsExactly("select-1");
    }

    @Test
    void ctrlDDuplicatesTheSelectedNode(FxRobot robot) {
        open(robot, OrderedSampleData.example("stocks-replay"));

        robot.clickOn("#node-table").push(KeyCode.CONTROL, KeyCode.D);

        assertThat(nodesShown(robot)).contains("node-table", "node-table-1");
        assertThat(workbench.document().spec().node("table-1").map(NodeSpec::type)).contains("sink.table");
    }

    @Test
    void ctrlASelectsEveryNode(FxRobot robot) {
        open(robot, OrderedSampleData.example("stocks-replay"));
        focusCanvas(robot);

        robot.push(KeyCode.CONTROL, KeyCode.A);

        PseudoClass selected = PseudoClass.getPseudoClass("selected");
        assertThat(WorkbenchFixture.onFx(() -> robot.lookup(".node-view").queryAll().stream()
                .allMatch(n -> n.getPseudoClassStates().contains(selected)))).isTrue();
    }

    @Test
    void ctrl0FitsEveryNodeIntoTheCanvas(FxRobot robot) {
        open(robot, OrderedSampleData.example("stocks-replay"));
        Node canvas = robot.lookup("#pipeline-canvas").query();
        Bounds area = WorkbenchFixture.onFx(() -> canvas.localToScreen(canvas.getBoundsInLocal()));
        robot.drag(new Point2D(area.getMinX() + 20, area.getMinY() + 20), MouseButton.SECONDARY)
                .moveBy(area.getWidth() - 60, area.getHeight() - 60).release(MouseButton.SECONDARY);
        assertThat(nodesInside(robot, canvas)).as("nodes inside the canvas after panning").isFalse();

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT0);

        assertThat(nodesInside(robot, canvas)).isTrue();
    }

    private static boolean nodesInside(FxRobot robot, Node canvas) {
        return WorkbenchFixture.onFx(() -> {
            Bounds area = canvas.localToScene(canvas.getBoundsInLocal());
            return robot.lookup(".node-view").queryAll().stream()
                    .allMatch(n -> area.contains(n.localToScene(n.getBoundsInLocal())));
        });
    }

    @Test
    void ctrlSSavesTheEditedPipeline(FxRobot robot, @TempDir Path folder) throws IOException {
        Path copy = folder.resolve("copy.sluice.json");
        Files.copy(WorkbenchFixture.example("rate-plus-one"), copy);
        open(robot, copy);
        robot.clickOn(robot.lookup(".node-view").<Node>query()).push(KeyCode.DELETE);
        assertThat(WorkbenchFixture.onFx(stage::getTitle)).endsWith(" *");

        robot.push(KeyCode.CONTROL, KeyCode.S);

        assertThat(WorkbenchFixture.onFx(stage::getTitle)).doesNotEndWith(" *");
        assertThat(PipelineJson.read(copy).spec().nodes()).extracting(n -> "node-" + n.id())
                .containsExactlyInAnyOrderElementsOf(nodesShown(robot));
    }

    @Test
    void ctrlShiftTSwitchesToTheDarkThemeAndBack(FxRobot robot) {
        focusCanvas(robot);

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T);
        assertThat(WorkbenchFixture.onFx(Application::getUserAgentStylesheet))
                .isEqualTo(new PrimerDark().getUserAgentStylesheet());
        assertThat(darkThemeItem(robot).isSelected()).isTrue();

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T);
        assertThat(WorkbenchFixture.onFx(Application::getUserAgentStylesheet))
                .isEqualTo(new PrimerLight().getUserAgentStylesheet());
        assertThat(darkThemeItem(robot).isSelected()).isFalse();
    }

    private static MenuItem editMenu(FxRobot robot, int index) {
        return WorkbenchFixture.onFx(() -> robot.lookup("#menu-bar").queryAs(MenuBar.class).getMenus().get(1)
                .getItems().get(index));
    }

    private static CheckMenuItem darkThemeItem(FxRobot robot) {
        return WorkbenchFixture.onFx(() -> {
            for (Menu menu : robot.lookup("#menu-bar").queryAs(MenuBar.class).getMenus()) {
                for (MenuItem item : menu.getItems()) {
                    if ("dark-theme-item".equals(item.getId())) {
                        return (CheckMenuItem) item;
                    }
                }
            }
            throw new AssertionError("no Dark Theme item");
        });
    }
}
