package sluice.app.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.app.WorkbenchFixture.onFx;
import static sluice.app.WorkbenchFixture.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import sluice.app.Workbench;
import sluice.app.WorkbenchFixture;
import sluice.app.files.ExportDialog;
import sluice.app.files.UnsavedChanges;
import sluice.engine.export.ScriptLanguage;

/**
 * The window's static frame and its dialogs are FXML files of ui-resources with controllers in the app: the real
 * window is built from main-window.fxml, and About, Export and the unsaved-changes question show their FXML content.
 */
@ExtendWith(ApplicationExtension.class)
class FrameTest {
    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage window) {
        stage = window;
        workbench = WorkbenchFixture.open(window);
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void theWindowIsTheFxmlFrameWithThePanelsInItsSlots(FxRobot robot) {
        assertThat(onFx(() -> workbench.root().getId())).isEqualTo("workbench");
        SplitPane main = robot.lookup("#main-split").queryAs(SplitPane.class);
        assertThat(onFx(() -> main.getItems().size())).isEqualTo(2);
        assertThat(onFx(() -> robot.lookup("#rows-tabs").queryAs(TabPane.class).getTabs().stream()
                .map(Tab::getText).toList())).containsExactly("Inspector", "Console");
        assertThat(robot.lookup("#canvas-slot #run-failure-notice").tryQuery()).isPresent();
        assertThat(robot.lookup("#palette-slot #palette-filter").tryQuery()).isPresent();
        assertThat(robot.lookup("#inspector-table").tryQuery()).isPresent();
        MenuBar menus = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        assertThat(onFx(() -> menus.getMenus().stream().map(Menu::getText).toList()))
                .containsExactly("File", "Edit", "View", "Run", "Help");
        assertThat(onFx(() -> menus.getMenus().get(0).getItems().stream().map(MenuItem::getText)
                .filter(Objects::nonNull).toList()))
                .containsExactly("New", "Open…", "Open Recent", "Examples", "Save", "Save As…", "Export to Spark…",
                        "Quit");
    }

    @Test
    void theFramesMenusAndButtonsHandTheirActionsToTheCommands(FxRobot robot) {
        List<String> heard = new ArrayList<>();
        MainWindow frame = onFx(() -> MainWindow.load(recording(heard)));

        robot.interact(() -> {
            menuItem(frame, "File", "Save As…").fire();
            menuItem(frame, "Edit", "Duplicate").fire();
            menuItem(frame, "Help", "About Sluice").fire();
            frame.stepButton().fire();
            frame.runItems().get(1).fire();
        });

        assertThat(heard).containsExactly("saveAs", "duplicate", "about", "step", "run");
        assertThat(onFx(() -> menuItem(frame, "Run", "Stop").getAccelerator().getName())).isEqualTo("Shift+F5");
    }

    @Test
    void helpAboutShowsWhatSluiceIsAndItsVersion(FxRobot robot) {
        robot.clickOn("Help").clickOn("About Sluice");

        WorkbenchFixture.await("the box shows", () -> robot.lookup("#about-dialog").tryQuery().isPresent());
        assertThat(text(robot, "#about-dialog .header-panel .label")).isEqualTo("Sluice development build");
        assertThat(onFx(() -> robot.lookup("#about-dialog .about-text .label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList()))
                .anySatisfy(p -> assertThat(p).contains("Spark Structured Streaming"))
                .anySatisfy(p -> assertThat(p).contains("ControlsFX").contains("AtlantaFX"));

        robot.clickOn("OK");
        WorkbenchFixture.await("the box is gone", () -> robot.lookup("#about-dialog").tryQuery().isEmpty());
    }

    @Test
    void theUnsavedChangesQuestionNamesTheDocumentAndSaveMeansSave(FxRobot robot) {
        AtomicReference<UnsavedChanges.Choice> answer = new AtomicReference<>();

        Platform.runLater(() -> answer.set(UnsavedChanges.dialog(() -> stage).ask("'mine.sluice.json' (Mine)")));
        WorkbenchFixture.await("the question is asked",
                () -> robot.lookup("#unsaved-changes-dialog").tryQuery().isPresent());

        assertThat(text(robot, "#unsaved-changes-dialog .header-panel .label"))
                .isEqualTo("Save the changes to 'mine.sluice.json' (Mine)?");
        robot.clickOn("Save");
        WorkbenchFixture.await("the answer is in", () -> answer.get() != null);
        assertThat(answer.get()).isEqualTo(UnsavedChanges.Choice.SAVE);
    }

    @Test
    void theExportDialogOffersPySparkAndScala(FxRobot robot) {
        AtomicReference<Optional<ScriptLanguage>> answer = new AtomicReference<>();

        Platform.runLater(() -> answer.set(ExportDialog.ask(stage)));
        WorkbenchFixture.await("the dialog shows", () -> robot.lookup("#export-dialog").tryQuery().isPresent());

        @SuppressWarnings("unchecked")
        ChoiceBox<ScriptLanguage> languages = robot.lookup("#export-language").queryAs(ChoiceBox.class);
        assertThat(onFx(() -> List.copyOf(languages.getItems())))
                .containsExactly(ScriptLanguage.PYSPARK, ScriptLanguage.SCALA);
        assertThat(text(robot, "#export-language .label")).isEqualTo("PySpark");
        robot.interact(() -> languages.setValue(ScriptLanguage.SCALA));
        robot.clickOn("OK");
        WorkbenchFixture.await("the answer is in", () -> answer.get() != null);
        assertThat(answer.get()).contains(ScriptLanguage.SCALA);
    }

    private static MenuItem menuItem(MainWindow frame, String menu, String item) {
        MenuBar bar = (MenuBar) frame.root().lookup("#menu-bar");
        return bar.getMenus().stream().filter(m -> m.getText().equals(menu)).findFirst().orElseThrow().getItems()
                .stream().filter(i -> item.equals(i.getText())).findFirst().orElseThrow();
    }

    /** Commands that write down which one was called. */
    private static WindowCommands recording(List<String> heard) {
        return new WindowCommands() {
            @Override public void newPipeline() { heard.add("newPipeline"); }
            @Override public void open() { heard.add("open"); }
            @Override public void save() { heard.add("save"); }
            @Override public void saveAs() { heard.add("saveAs"); }
            @Override public void exportToSpark() { heard.add("exportToSpark"); }
            @Override public void quit() { heard.add("quit"); }
            @Override public void undo() { heard.add("undo"); }
            @Override public void redo() { heard.add("redo"); }
            @Override public void copy() { heard.add("copy"); }
            @Override public void paste() { heard.add("paste"); }
            @Override public void duplicate() { heard.add("duplicate"); }
            @Override public void delete() { heard.add("delete"); }
            @Override public void selectAll() { heard.add("selectAll"); }
            @Override public void fitToView() { heard.add("fitToView"); }
            @Override public void run() { heard.add("run"); }
            @Override public void preview() { heard.add("preview"); }
            @Override public void pause() { heard.add("pause"); }
            @Override public void step() { heard.add("step"); }
            @Override public void stop() { heard.add("stop"); }
            @Override public void about() { heard.add("about"); }
        };
    }
}
