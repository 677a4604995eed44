package sluice.app.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
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
import sluice.app.WorkbenchFixture;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.PipelineSpec;

@ExtendWith(ApplicationExtension.class)
class PipelineCanvasTest {
    private CanvasFixture fx;

    @Start
    void start(Stage stage) {
        fx = new CanvasFixture(stage);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private void open(NodeSpec... nodes) {
        WaitForAsyncUtils.asyncFx(() -> fx.open(nodes));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void onFx(Runnable action) {
        WaitForAsyncUtils.asyncFx(action);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private PipelineSpec spec() {
        return fx.document.spec();
    }

    @Test
    void droppingAPaletteEntryAddsANodeThatUndoRemovesAndRedoBringsBack(FxRobot robot) {
        Node canvas = robot.lookup("#pipeline-canvas").query();
        Bounds area = canvas.localToScreen(canvas.getBoundsInLocal());

        robot.drag("#palette-transform-filter", MouseButton.PRIMARY)
                .moveTo(new Point2D(area.getMinX() + 300, area.getMinY() + 200)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(spec().nodes()).extracting(NodeSpec::id).containsExactly("filter-1");
        assertThat(spec().node("filter-1").orElseThrow().type()).isEqualTo("transform.filter");
        assertThat(spec().node("filter-1").orElseThrow().options()).isEmpty();
        assertThat(fx.selection.nodes()).containsExactly("filter-1");
        WorkbenchFixture.await("the missing condition is marked", () -> fx.canvas.nodeView("filter-1").hasProblem());
        assertThat(fx.validation.problems()).anySatisfy(p -> assertThat(p.message())
                .startsWith("required option 'condition' is missing"));
        assertThat(fx.canvas.nodeView("filter-1").tooltipText()).isEqualTo(fx.validation.problems().stream()
                .filter(p -> "filter-1".equals(p.where().nodeId())).findFirst().orElseThrow().message());

        onFx(() -> fx.document.history().undo());
        assertThat(spec().nodes()).isEmpty();
        assertThat(robot.lookup("#node-filter-1").tryQuery()).isEmpty();
        onFx(() -> fx.document.history().redo());
        assertThat(spec().nodes()).extracting(NodeSpec::id).containsExactly("filter-1");
        assertThat(robot.lookup("#node-filter-1").tryQuery()).isPresent();
    }

    @Test
    void draggingFromAnOutputPortToAnInputPortConnects(FxRobot robot) {
        open(CanvasFixture.node("rate", "source.rate", 40, 60),
                CanvasFixture.node("keep", "transform.filter", 400, 60));

        robot.drag("#out-rate", MouseButton.PRIMARY).moveTo("#in-keep-0").release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(spec().node("keep").orElseThrow().inputs()).containsExactly("rate");
        assertThat(fx.document.history().undoTextProperty().get()).isEqualTo("Undo Connect rate → keep");
        assertThat(robot.lookup("#edge-rate-keep-0").tryQuery()).isPresent();
    }

    @Test
    void aJoinHasALeftAndARightPortAndEachDropSetsThatSide(FxRobot robot) {
        open(CanvasFixture.node("trades", "source.rate", 40, 40),
                CanvasFixture.node("quotes", "source.rate", 40, 200),
                CanvasFixture.node("j", "transform.join", 400, 100));

        assertThat(robot.lookup("#in-name-j-0").queryAs(javafx.scene.control.Label.class).getText()).isEqualTo("left");
        assertThat(robot.lookup("#in-name-j-1").queryAs(javafx.scene.control.Label.class).getText())
                .isEqualTo("right");
        robot.drag("#out-quotes", MouseButton.PRIMARY).moveTo("#in-j-0").release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        // The second source dropped on the left port goes left, the first moves to the right.
        robot.drag("#out-trades", MouseButton.PRIMARY).moveTo("#in-j-0").release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(spec().node("j").orElseThrow().inputs()).containsExactly("trades", "quotes");
        assertThat(robot.lookup("#edge-trades-j-0").tryQuery()).isPresent();
        assertThat(robot.lookup("#edge-quotes-j-1").tryQuery()).isPresent();
    }

    @Test
    void aJoinsRightPortTakesNoInputBeforeItsLeftOne(FxRobot robot) {
        open(CanvasFixture.node("quotes", "source.rate", 40, 200),
                CanvasFixture.node("j", "transform.join", 400, 100));
        PipelineSpec before = spec();

        robot.drag("#out-quotes", MouseButton.PRIMARY).moveTo("#in-j-1").release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        // Inputs are a list, the left first: taking it as the only input would make it the left one.
        assertThat(spec()).isEqualTo(before);
        assertThat(fx.canvas.messageText())
                .isEqualTo("Cannot connect: 'j' has no left input yet; connect its left input first");
    }

    @Test
    void aRefusedConnectionLeavesTheSpecAndSaysWhy(FxRobot robot) {
        open(CanvasFixture.node("rate", "source.rate", 400, 60),
                CanvasFixture.node("keep", "transform.filter", 40, 60));
        PipelineSpec before = spec();

        robot.drag("#out-keep", MouseButton.PRIMARY).moveTo("#node-rate").release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(spec()).isEqualTo(before);
        assertThat(fx.canvas.messageText()).isEqualTo("Cannot connect: 'rate' is a source; a source takes no input");
        assertThat(robot.lookup("#canvas-message").query().isVisible()).isTrue();
    }

    @Test
    void movingANodeIsOneUndoableEdit(FxRobot robot) {
        open(CanvasFixture.node("rate", "source.rate", 40, 60),
                CanvasFixture.node("keep", "transform.filter", 400, 60, "rate"));

        robot.drag("#node-rate", MouseButton.PRIMARY).moveBy(120, 80).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        NodeSpec moved = spec().node("rate").orElseThrow();
        assertThat(moved.x()).isEqualTo(160);
        assertThat(moved.y()).isEqualTo(140);
        assertThat(fx.document.history().undoTextProperty().get()).isEqualTo("Undo Move rate");
        onFx(() -> fx.document.history().undo());
        assertThat(spec().node("rate").orElseThrow().x()).isEqualTo(40);
        assertThat(fx.document.history().canUndoProperty().get()).isFalse();
    }

    @Test
    void draggingOneOfSeveralSelectedNodesMovesThemAllInOneEdit(FxRobot robot) {
        open(CanvasFixture.node("a", "source.rate", 40, 40), CanvasFixture.node("b", "source.rate", 40, 200),
                CanvasFixture.node("c", "source.rate", 400, 200));
        onFx(() -> fx.selection.selectAll(List.of("a", "b")));

        robot.drag("#node-b", MouseButton.PRIMARY).moveBy(50, 20).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(spec().node("a").orElseThrow().x()).isEqualTo(90);
        assertThat(spec().node("b").orElseThrow().y()).isEqualTo(220);
        assertThat(spec().node("c").orElseThrow().x()).isEqualTo(400);
        assertThat(fx.document.history().undoTextProperty().get()).isEqualTo("Undo Move 2 nodes");
    }

    @Test
    void edgesShowTheRowsOfTheLastBatch(FxRobot robot) {
        open(CanvasFixture.node("rate", "source.rate", 40, 60),
                CanvasFixture.node("keep", "transform.filter", 400, 60, "rate"));

        onFx(() -> fx.canvas.showRowCounts(Map.of("rate", 1234L)));

        assertThat(robot.lookup("#edge-rate-keep-0 .edge-count").queryLabeled().getText()).isEqualTo("1,234 rows");
        assertThat(robot.lookup("#edge-rate-keep-0 .edge-count").queryLabeled().isVisible()).isTrue();
    }

    @Test
    void anEdgesCountIsCentredAndNotCoveredByNodesPlacedCloseTogether(FxRobot robot) {
        open(CanvasFixture.node("rate", "source.rate", 40, 60),
                CanvasFixture.node("keep", "transform.filter", 40 + NodeView.WIDTH + 24, 60, "rate"));

        onFx(() -> fx.canvas.showRowCounts(Map.of("rate", 1234L)));
        WaitForAsyncUtils.waitForFxEvents();

        Node count = robot.lookup("#edge-rate-keep-0 .edge-count").query();
        Bounds label = WorkbenchFixture.onFx(() -> count.localToScene(count.getLayoutBounds()));
        for (String node : List.of("#node-rate", "#node-keep")) {
            Node view = robot.lookup(node).query();
            assertThat(WorkbenchFixture.onFx(() -> view.localToScene(view.getLayoutBounds()).intersects(label)))
                    .as(node).isFalse();
        }
        double gapMiddle = WorkbenchFixture.onFx(() -> {
            Node from = robot.lookup("#node-rate").query();
            Node to = robot.lookup("#node-keep").query();
            return (from.localToScene(from.getLayoutBounds()).getMaxX()
                    + to.localToScene(to.getLayoutBounds()).getMinX()) / 2;
        });
        assertThat(label.getCenterX()).isCloseTo(gapMiddle, Offset.offset(2.0));
    }

    @Test
    void anEdgesCountBetweenNodesStackedAboveEachOtherIsCoveredByNeither(FxRobot robot) {
        // The workbench's newcomer run: a sink dropped below and a little right of its input, the edge nearly upright.
        open(CanvasFixture.node("rate", "source.rate", 40, 60),
                CanvasFixture.node("keep", "transform.filter", 44 + NodeView.WIDTH, 60 + 130, "rate"));

        onFx(() -> fx.canvas.showRowCounts(Map.of("rate", 743L)));
        WaitForAsyncUtils.waitForFxEvents();

        Node count = robot.lookup("#edge-rate-keep-0 .edge-count").query();
        Bounds label = WorkbenchFixture.onFx(() -> count.localToScene(count.getLayoutBounds()));
        for (String node : List.of("#node-rate", "#node-keep")) {
            Node view = robot.lookup(node).query();
            assertThat(WorkbenchFixture.onFx(() -> view.localToScene(view.getLayoutBounds()).intersects(label)))
                    .as(node).isFalse();
        }
    }

    @Test
    void thePaletteListsEveryCatalogTypeUnderItsCategory(FxRobot robot) {
        for (var kind : fx.catalog.kinds()) {
            String group = "#palette-group-" + kind.category().name().toLowerCase(java.util.Locale.ROOT);
            String entry = "#palette-" + kind.name().replace('.', '-');
            assertThat(robot.lookup(group + " " + entry).tryQuery()).as(kind.name()).isPresent();
            assertThat(robot.lookup(entry).queryLabeled().getTooltip().getText()).contains(kind.description());
        }
    }

    @Test
    void aRubberBandSelectsTheNodesItTouches(FxRobot robot) {
        open(CanvasFixture.node("a", "source.rate", 40, 40), CanvasFixture.node("b", "source.rate", 40, 200),
                CanvasFixture.node("c", "source.rate", 500, 400));
        Node canvas = robot.lookup("#pipeline-canvas").query();
        Bounds area = canvas.localToScreen(canvas.getBoundsInLocal());

        robot.drag(new Point2D(area.getMinX() + 10, area.getMinY() + 10), MouseButton.PRIMARY)
                .moveTo(new Point2D(area.getMinX() + 300, area.getMinY() + 300)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx.selection.nodes()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void shiftClickAddsToTheSelectionAndAClickOnEmptyCanvasClearsIt(FxRobot robot) {
        open(CanvasFixture.node("a", "source.rate", 40, 40), CanvasFixture.node("b", "source.rate", 40, 200));

        robot.clickOn("#node-a");
        robot.press(KeyCode.SHIFT).clickOn("#node-b").release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx.selection.nodes()).containsExactly("a", "b");

        Node canvas = robot.lookup("#pipeline-canvas").query();
        Bounds area = canvas.localToScreen(canvas.getBoundsInLocal());
        robot.clickOn(new Point2D(area.getMaxX() - 20, area.getMaxY() - 20));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx.selection.nodes()).isEmpty();
    }

    @Test
    void deleteRemovesTheSelectedNodeWithItsEdges(FxRobot robot) {
        open(CanvasFixture.node("rate", "source.rate", 40, 60),
                CanvasFixture.node("keep", "transform.filter", 300, 60, "rate"),
                CanvasFixture.node("show", "sink.console", 560, 60, "keep"));

        robot.clickOn("#node-keep").type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(spec().nodes()).extracting(NodeSpec::id).containsExactly("rate", "show");
        assertThat(spec().node("show").orElseThrow().inputs()).isEmpty();
        assertThat(robot.lookup(".edge").queryAll()).isEmpty();
        assertThat(fx.document.history().undoTextProperty().get()).isEqualTo("Undo Delete keep");
    }

    @Test
    void clickingAnEdgeSelectsItAndDeleteRemovesOnlyTheEdge(FxRobot robot) {
        open(CanvasFixture.node("rate", "source.rate", 40, 60),
                CanvasFixture.node("keep", "transform.filter", 400, 60, "rate"));
        Node out = robot.lookup("#out-rate").query();
        Node in = robot.lookup("#in-keep-0").query();
        Bounds from = out.localToScreen(out.getBoundsInLocal());
        Bounds to = in.localToScreen(in.getBoundsInLocal());

        robot.clickOn(new Point2D((from.getCenterX() + to.getCenterX()) / 2,
                (from.getCenterY() + to.getCenterY()) / 2));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx.selection.edgeProperty().get()).isNotNull();
        onFx(fx.canvas::deleteSelection);

        assertThat(spec().nodes()).hasSize(2);
        assertThat(spec().node("keep").orElseThrow().inputs()).isEmpty();
    }

    @Test
    void pastedNodesGetNewIdsAndKeepTheirEdge(FxRobot robot) {
        open(CanvasFixture.node("rate", "source.rate", 40, 60),
                CanvasFixture.node("keep", "transform.filter", 300, 60, "rate"));

        onFx(() -> {
            fx.canvas.selectAll();
            fx.canvas.copySelection();
            fx.canvas.paste();
        });

        assertThat(spec().nodes()).extracting(NodeSpec::id).containsExactly("rate", "keep", "rate-1", "filter-1");
        assertThat(spec().node("filter-1").orElseThrow().inputs()).containsExactly("rate-1");
        assertThat(spec().node("rate-1").orElseThrow().x()).isEqualTo(70);
        assertThat(fx.selection.nodes()).containsExactly("rate-1", "filter-1");
        assertThat(robot.lookup("#edge-rate-1-filter-1-0").tryQuery()).isPresent();
    }

    @Test
    void fitToViewLeavesEveryNodeVisible(FxRobot robot) {
        open(CanvasFixture.node("a", "source.rate", -800, -600), CanvasFixture.node("b", "source.rate", 3000, 2000),
                CanvasFixture.node("c", "sink.console", 1200, 300, "a"));

        onFx(fx.canvas::fitToView);

        Node canvas = robot.lookup("#pipeline-canvas").query();
        Bounds area = canvas.localToScene(canvas.getBoundsInLocal());
        for (String id : List.of("a", "b", "c")) {
            Node view = robot.lookup("#node-" + id).query();
            assertThat(area.contains(view.localToScene(view.getBoundsInLocal()))).as(id).isTrue();
        }
    }

    @Test
    void aHundredNodesRenderAndADragReusesEveryView(FxRobot robot) {
        open(CanvasFixture.grid(100).toArray(NodeSpec[]::new));
        Set<Node> before = views(robot);
        assertThat(before).hasSize(100);
        assertThat(robot.lookup(".edge").queryAll()).hasSize(99);

        robot.drag("#node-n11", MouseButton.PRIMARY).moveBy(40, 30).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(spec().node("n11").orElseThrow().x()).isEqualTo(20 + 220 + 40);
        Set<Node> after = views(robot);
        assertThat(after).hasSize(100);
        assertThat(after.containsAll(before)).isTrue();
    }

    private static Set<Node> views(FxRobot robot) {
        Map<Node, Boolean> identity = new IdentityHashMap<>();
        robot.lookup(".node-view").queryAll().forEach(n -> identity.put(n, true));
        return identity.keySet();
    }
}
