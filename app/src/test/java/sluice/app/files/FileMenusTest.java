package sluice.app.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import sluice.app.Workbench;
import sluice.app.WorkbenchFixture;
import sluice.app.properties.RenamePipeline;

/** The File menu of the real window: Examples, Open Recent, and the unsaved-changes dialog. */
@ExtendWith(ApplicationExtension.class)
class FileMenusTest {
    private final String node = "sluice-test/" + UUID.randomUUID();
    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage window) {
        System.setProperty("sluice.preferences", node);
        stage = window;
        workbench = WorkbenchFixture.open(window);
    }

    @AfterEach
    void close() throws BackingStoreException {
        workbench.close();
        System.clearProperty("sluice.preferences");
        Preferences.userRoot().node(node).removeNode();
    }

    private Menu fileMenu(FxRobot robot, String id) {
        Menu file = robot.lookup("#menu-bar").queryAs(MenuBar.class).getMenus().get(0);
        return (Menu) file.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    @Test
    void examplesMenuListsTheExamples(FxRobot robot) {
        assertThat(fileMenu(robot, "examples-menu").getItems()).extracting(MenuItem::getText)
                .containsExactly("json-messages", "kafka-echo", "rate-plus-one", "rate-windowed", "socket-lines",
                        "socket-word-count", "stocks-monthly", "stocks-parquet", "stocks-replay", "stocks-sectors",
                        "stocks-to-kafka", "stocks-trading-weeks");
    }

    @Test
    void choosingAnExampleOpensIt(FxRobot robot) {
        MenuItem stocks = fileMenu(robot, "examples-menu").getItems().get(8);

        robot.interact(stocks::fire);

        assertThat(workbench.document().file()).isEqualTo(WorkbenchFixture.example("stocks-replay"));
    }

    @Test
    void openRecentFollowsTheFilesOpened(FxRobot robot) {
        robot.interact(() -> workbench.files().open(WorkbenchFixture.example("rate-plus-one")));
        robot.interact(() -> workbench.files().open(WorkbenchFixture.example("socket-lines")));

        assertThat(fileMenu(robot, "open-recent-menu").getItems()).extracting(MenuItem::getText)
                .hasSize(4).first().asString().startsWith("1  socket-lines.sluice.json");
        assertThat(fileMenu(robot, "open-recent-menu").getItems().get(1).getText())
                .startsWith("2  rate-plus-one.sluice.json");
    }

    @Test
    void closingWithUnsavedChangesAsksAndCancelKeepsTheWindow(FxRobot robot) {
        robot.interact(() -> {
            workbench.files().open(WorkbenchFixture.example("rate-plus-one"));
            workbench.document().apply(new RenamePipeline("Changed"));
        });
        AtomicReference<Boolean> closed = new AtomicReference<>();

        Platform.runLater(() -> closed.set(workbench.files().confirmDiscard(stage)));
        WorkbenchFixture.await("the question is asked",
                () -> robot.lookup("#unsaved-changes-dialog").tryQuery().isPresent());
        robot.clickOn("Cancel");

        WorkbenchFixture.await("the answer is in", () -> closed.get() != null);
        assertThat(closed.get()).isFalse();
        assertThat(workbench.document().isDirty()).isTrue();
    }
}
