package sluice.app;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.app.WorkbenchFixture.onFx;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import sluice.app.edit.AddNode;
import sluice.engine.pipeline.NodeSpec;

/**
 * The window at 1280 by 800 without resizing any panel: every editor of the property sheet readable, the inspector's
 * bar whole, the batch list and summary right; and the layout remembered between launches.
 */
@ExtendWith(ApplicationExtension.class)
class LayoutTest {
    private final Preferences preferences = Preferences.userRoot().node("sluice-tests/layout-" + UUID.randomUUID());
    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage window) {
        stage = window;
        workbench = WorkbenchFixture.open(window, new Workbench(Clock.fixed(Instant.parse("2026-01-05T09:00:00Z"),
                ZoneOffset.UTC), preferences), 1280, 800);
    }

    @AfterEach
    void close() throws BackingStoreException {
        workbench.close();
        preferences.removeNode();
    }

    private void addFileSource(FxRobot robot, String id) {
        robot.interact(() -> {
            workbench.document().apply(new AddNode(new NodeSpec(id, "source.file", List.of(), 60, 60, Map.of())));
            workbench.selection().selectOnly(id);
        });
        WorkbenchFixture.await("the sheet shows " + id, () -> robot.lookup("#option-path").tryQuery().isPresent());
    }

    @Test
    void everyEditorOfANewFileSourceIsAtLeastItsMinimumWide(FxRobot robot) {
        addFileSource(robot, "file-1");

        Parent grid = robot.lookup(".option-grid").queryAs(Parent.class);
        List<Node> children = onFx(() -> List.copyOf(grid.getChildrenUnmodifiable()));
        assertThat(children).hasSizeGreaterThan(20);
        for (int i = 1; i < children.size(); i += 2) {
            Node editor = children.get(i);
            double width = onFx(() -> editor.getLayoutBounds().getWidth());
            assertThat(width).as(editor.getId()).isGreaterThanOrEqualTo(200)
                    .isGreaterThanOrEqualTo(onFx(() -> editor.minWidth(-1)));
        }
        ComboBox<?> format = robot.lookup("#option-format").queryAs(ComboBox.class);
        assertThat(onFx(format::getWidth)).isGreaterThanOrEqualTo(onFx(() -> format.prefWidth(-1)));
    }

    @Test
    void labelsGoAboveTheirEditorsWhenTheSheetIsNarrowAndBesideThemWhenItIsWide(FxRobot robot) {
        addFileSource(robot, "file-1");
        Parent grid = robot.lookup(".option-grid").queryAs(Parent.class);
        Label path = labelOf(robot, "path *");
        Node pathEditor = robot.lookup("#option-path").query().getParent();

        assertThat(onFx(() -> path.getLayoutY() + path.getHeight())).isLessThanOrEqualTo(
                onFx(pathEditor::getLayoutY));

        robot.interact(() -> robot.lookup("#middle-split").queryAs(SplitPane.class).setDividerPositions(0.4));
        WaitForLayout.of(grid);

        assertThat(onFx(path::getLayoutY)).isEqualTo(onFx(pathEditor::getLayoutY));
        assertThat(onFx(() -> path.getLayoutX() + path.getWidth())).isLessThanOrEqualTo(onFx(pathEditor::getLayoutX));
    }

    @Test
    void theInspectorsBarNeverCutsTheNodeNameOrTheRowCount(FxRobot robot) {
        String id = "a-source-with-a-rather-long-name";
        addFileSource(robot, id);

        Label title = robot.lookup("#inspector-title").queryAs(Label.class);
        robot.interact(() -> robot.lookup("#bottom-split").queryAs(SplitPane.class).setDividerPositions(0.3));
        WaitForLayout.of(title.getParent());

        assertThat(onFx(title::getText)).isEqualTo(id);
        assertThat(onFx(title::getWidth)).isGreaterThanOrEqualTo(onFx(() -> title.prefWidth(-1)));
    }

    @Test
    void everyNodeTypeOfThePaletteShowsItsWholeName(FxRobot robot) {
        WaitForLayout.of(robot.lookup("#palette").query());

        for (Label entry : robot.lookup(".palette-entry").queryAllAs(Label.class)) {
            assertThat(onFx(entry::getWidth)).as(onFx(entry::getText))
                    .isGreaterThanOrEqualTo(onFx(() -> entry.prefWidth(-1)));
        }
    }

    @Test
    void anOpenedPipelineStaysWholeOnTheCanvasWhileTheWindowTakesItsSize(FxRobot robot) {
        robot.interact(() -> workbench.files().open(WorkbenchFixture.example("stocks-replay")));
        WaitForAsyncUtils.waitForFxEvents();

        // A window system sizes a new window after showing it (and a person may resize it before touching the canvas).
        robot.interact(() -> {
            stage.setWidth(1100);
            stage.setHeight(700);
        });
        WaitForAsyncUtils.waitForFxEvents();

        Node canvas = robot.lookup("#pipeline-canvas").query();
        Bounds area = onFx(() -> canvas.localToScene(canvas.getLayoutBounds()));
        List<Node> nodes = List.copyOf(robot.lookup(".node-view").queryAll());
        assertThat(nodes).hasSize(5);
        for (Node node : nodes) {
            assertThat(onFx(() -> area.contains(node.localToScene(node.getLayoutBounds())))).as(node.getId())
                    .isTrue();
        }
    }

    @Test
    void theLayoutIsRememberedBetweenLaunches(FxRobot robot) {
        SplitPane middle = robot.lookup("#middle-split").queryAs(SplitPane.class);
        robot.drag(divider(robot, middle), MouseButton.PRIMARY).moveBy(-150, 0).release(MouseButton.PRIMARY);
        double dragged = onFx(() -> middle.getDividerPositions()[0]);
        robot.interact(() -> {
            robot.lookup("#rows-tabs").queryAs(TabPane.class).getSelectionModel().select(1);
            workbench.restoreWindow(stage, new Rectangle2D(0, 0, 1280, 800));
            stage.setWidth(1100);
            stage.setHeight(700);
        });
        robot.interact(workbench::close);

        relaunch(robot);

        assertThat(dragged).isLessThan(0.6);
        assertThat(onFx(() -> robot.lookup("#middle-split").queryAs(SplitPane.class).getDividerPositions()[0]))
                .isCloseTo(dragged, Offset.offset(0.005)); // snapped to whole pixels on resizing
        assertThat(onFx(() -> robot.lookup("#rows-tabs").queryAs(TabPane.class).getSelectionModel()
                .getSelectedIndex())).isEqualTo(1);
        assertThat(onFx(stage::getWidth)).isEqualTo(1100);
        assertThat(onFx(stage::getHeight)).isEqualTo(700);
    }

    @Test
    void dividersMovedByLayoutNotByAPersonAreNotRemembered(FxRobot robot) {
        double initial = onFx(() -> robot.lookup("#centre-split").queryAs(SplitPane.class).getDividerPositions()[0]);
        // What a window's first layouts do to a divider; remembered, it made the panels creep at every launch.
        robot.interact(() -> robot.lookup("#centre-split").queryAs(SplitPane.class).setDividerPositions(0.95));
        robot.interact(workbench::close);

        relaunch(robot);

        assertThat(onFx(() -> robot.lookup("#centre-split").queryAs(SplitPane.class).getDividerPositions()[0]))
                .isCloseTo(initial, Offset.offset(0.005));
    }

    private void relaunch(FxRobot robot) {
        robot.interact(() -> {
            workbench = WorkbenchFixture.open(stage, new Workbench(Clock.systemUTC(), preferences), 1280, 800);
            workbench.restoreWindow(stage, new Rectangle2D(0, 0, 1280, 800));
        });
    }

    /** The divider of {@code pane} itself, not of a split pane inside it. */
    private static Node divider(FxRobot robot, SplitPane pane) {
        return robot.from(pane).lookup(".split-pane-divider").queryAll().stream()
                .filter(node -> node.getParent() == pane).findFirst().orElseThrow();
    }

    private static Label labelOf(FxRobot robot, String text) {
        return robot.lookup(".option-name").queryAllAs(Label.class).stream().filter(l -> l.getText().equals(text))
                .findFirst().orElseThrow();
    }

    /** Lays out a node's scene now, so sizes read after a divider moved are the new ones. */
    private static final class WaitForLayout {
        static void of(Node node) {
            onFx(() -> {
                node.getScene().getRoot().applyCss();
                node.getScene().getRoot().layout();
                return null;
            });
        }
    }
}
