package sluice.app;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.app.WorkbenchFixture.awaitText;
import static sluice.app.WorkbenchFixture.onFx;
import static sluice.app.WorkbenchFixture.text;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.controlsfx.control.NotificationPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import sluice.app.problems.ListedProblem;
import sluice.app.properties.RenamePipeline;
import sluice.app.run.RunState;

/**
 * A run that fails (a socket source whose port nobody listens on) is seen where the eye is: on the node, in the
 * problems panel as a "run" problem, and as "Failed" in the error colour; an edit or another pipeline clears it.
 */
@ExtendWith(ApplicationExtension.class)
class RunFailureTest {
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
    void aFailedRunMarksTheNodeListsTheFailureAndSaysFailed(FxRobot robot, @TempDir Path folder) throws IOException {
        open(robot, refusedSocket(folder));

        robot.clickOn("#run-button");
        awaitText(robot, "#run-state", "Failed");

        assertThat(onFx(() -> robot.lookup("#run-state").query().getPseudoClassStates()))
                .contains(PseudoClass.getPseudoClass("failed"));
        ListedProblem listed = onFx(() -> problems(robot).getItems().get(0));
        assertThat(listed.kind()).isEqualTo(ListedProblem.Kind.RUN);
        assertThat(listed.problem().where().nodeId()).isEqualTo("lines");
        assertThat(listed.problem().message()).startsWith("cannot connect to 127.0.0.1:");
        assertThat(text(robot, ".problem-kind")).isEqualTo("run");
        Node node = robot.lookup("#node-lines").query();
        assertThat(onFx(node::getPseudoClassStates)).contains(PseudoClass.getPseudoClass("failed"));
        assertThat(onFx(() -> robot.lookup("#failure-lines").query().isVisible())).isTrue();
        assertThat(text(robot, "#failure-lines")).contains("cannot connect to 127.0.0.1:");

        // The problem's row, not its small kind badge: in a window of 1280 by 800 the list is short enough that the
        // badge may lie under the divider above it.
        robot.clickOn(robot.lookup("#problems-list .list-cell").<Node>query());
        assertThat(onFx(() -> workbench.selection().nodes())).containsExactly("lines");
    }

    @Test
    void aFailedRunIsAnnouncedOverTheCanvasWithAButtonToItsNode(FxRobot robot, @TempDir Path folder)
            throws IOException {
        open(robot, refusedSocket(folder));

        robot.clickOn("#run-button");
        awaitText(robot, "#run-state", "Failed");

        NotificationPane notice = robot.lookup("#run-failure-notice").queryAs(NotificationPane.class);
        WorkbenchFixture.await("the notice shows", notice::isShowing);
        assertThat(onFx(notice::getText)).isEqualTo("Run failed: " + onFx(() -> workbench.session().failures().get(0)
                .render()));
        robot.clickOn("Show node");
        assertThat(onFx(() -> workbench.selection().nodes())).containsExactly("lines");

        robot.interact(() -> workbench.document().apply(new RenamePipeline("Edited")));

        WorkbenchFixture.await("the notice is gone", () -> !notice.isShowing());
    }

    @Test
    void anEditClearsTheFailure(FxRobot robot, @TempDir Path folder) throws IOException {
        open(robot, refusedSocket(folder));
        robot.clickOn("#run-button");
        awaitText(robot, "#run-state", "Failed");

        robot.interact(() -> workbench.document().apply(new RenamePipeline("Edited")));

        WorkbenchFixture.await("the failure is gone", () -> workbench.session().failures().isEmpty());
        assertThat(onFx(() -> problems(robot).getItems())).isEmpty();
        assertThat(onFx(() -> robot.lookup("#node-lines").query().getPseudoClassStates()))
                .doesNotContain(PseudoClass.getPseudoClass("failed"));
        assertThat(onFx(() -> robot.lookup("#failure-lines").query().isVisible())).isFalse();
    }

    @Test
    void newClearsThePreviousRunsStateFiguresAndMessages(FxRobot robot, @TempDir Path folder) throws IOException {
        open(robot, refusedSocket(folder));
        robot.clickOn("#run-button");
        awaitText(robot, "#run-state", "Failed");
        awaitText(robot, "#run-message", onFx(() -> workbench.session().failures().get(0).render()));

        robot.interact(() -> workbench.files().newDocument());

        awaitText(robot, "#run-state", "Ready");
        assertThat(onFx(() -> robot.lookup("#run-state").query().getPseudoClassStates()))
                .doesNotContain(PseudoClass.getPseudoClass("failed"));
        assertThat(text(robot, "#run-message")).isEmpty();
        assertThat(text(robot, "#batch-id")).isEqualTo("Batch: -");
        assertThat(onFx(() -> problems(robot).getItems())).extracting(ListedProblem::kind)
                .doesNotContain(ListedProblem.Kind.RUN);
        assertThat(workbench.session().state()).isEqualTo(RunState.IDLE);
    }

    @Test
    void openingAPipelineAgainClearsTheRowCountsOnItsEdges(FxRobot robot) {
        Path stocks = WorkbenchFixture.example("stocks-replay");
        open(robot, stocks);
        robot.clickOn("#step-button");
        awaitText(robot, "#batch-id", "Batch: 0");
        awaitText(robot, "#edge-stocks-change-0 .edge-count", "252 rows");

        robot.interact(() -> workbench.files().open(stocks));

        awaitText(robot, "#batch-id", "Batch: -");
        assertThat(onFx(() -> robot.lookup("#edge-stocks-change-0 .edge-count").query().isVisible())).isFalse();
    }

    @SuppressWarnings("unchecked")
    private static ListView<ListedProblem> problems(FxRobot robot) {
        return robot.lookup("#problems-list").queryAs(ListView.class);
    }

    private void open(FxRobot robot, Path pipeline) {
        WorkbenchFixture.openChecked(robot, workbench, pipeline);
    }

    /** A socket source on a loopback port nobody listens on, into a table. */
    private static Path refusedSocket(Path folder) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path pipeline = folder.resolve("refused.sluice.json");
        Files.writeString(pipeline, """
                {"format": "sluice/1", "name": "Refused", "checkpointLocation": null,
                 "nodes": [
                  {"id": "lines", "type": "source.socket", "x": 40, "y": 60,
                   "options": {"host": "127.0.0.1", "port": "%d"}},
                  {"id": "table", "type": "sink.table", "inputs": ["lines"], "x": 300, "y": 60,
                   "options": {"outputMode": "append"}}]}
                """.formatted(port));
        return pipeline;
    }
}
