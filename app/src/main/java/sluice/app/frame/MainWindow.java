package sluice.app.frame;

import static java.util.Objects.requireNonNull;

import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import sluice.app.run.ReplaySpeed;
import sluice.engine.pipeline.Trigger;

/**
 * Controller of {@code main-window.fxml}, the window's static frame. Hands the menus' and toolbar's actions to the
 * {@link WindowCommands} and gives the workbench the frame's parts: the slots its panels go into and the controls
 * whose state it binds. Made by {@link #load(WindowCommands)}; FX thread only.
 */
public final class MainWindow {
    private final WindowCommands commands;
    @FXML private BorderPane root;
    @FXML private Menu fileMenu;
    @FXML private SeparatorMenuItem afterOpen;
    @FXML private Menu viewMenu;
    @FXML private MenuItem undoItem;
    @FXML private MenuItem redoItem;
    @FXML private MenuItem runItem;
    @FXML private MenuItem runCtrlRItem;
    @FXML private MenuItem previewItem;
    @FXML private MenuItem pauseItem;
    @FXML private MenuItem stepItem;
    @FXML private MenuItem stopItem;
    @FXML private Button runButton;
    @FXML private Button pauseButton;
    @FXML private Button stepButton;
    @FXML private Button stopButton;
    @FXML private Button previewButton;
    @FXML private ChoiceBox<Trigger> triggerChoice;
    @FXML private ChoiceBox<ReplaySpeed> replayChoice;
    @FXML private Label runDisabledReason;
    @FXML private SplitPane mainSplit;
    @FXML private SplitPane centreSplit;
    @FXML private SplitPane middleSplit;
    @FXML private SplitPane sideSplit;
    @FXML private SplitPane bottomSplit;
    @FXML private TabPane rowsTabs;
    @FXML private TabPane chartTabs;
    @FXML private StackPane paletteSlot;
    @FXML private StackPane canvasSlot;
    @FXML private StackPane propertiesSlot;
    @FXML private StackPane problemsSlot;
    @FXML private StackPane inspectorSlot;
    @FXML private StackPane consoleSlot;
    @FXML private StackPane chartsSlot;
    @FXML private StackPane metricsSlot;
    @FXML private StackPane statusSlot;

    private MainWindow(WindowCommands commands) {
        this.commands = requireNonNull(commands, "commands is null");
    }

    /** Reads {@code main-window.fxml} with a controller that hands its actions to {@code commands}. */
    public static MainWindow load(WindowCommands commands) {
        MainWindow controller = new MainWindow(commands);
        FxmlFile.load("main-window.fxml", controller);
        return controller;
    }

    /** The panels the code builds, each into its slot of the frame. */
    public void install(Panels panels) {
        paletteSlot.getChildren().setAll(panels.palette());
        canvasSlot.getChildren().setAll(panels.canvas());
        propertiesSlot.getChildren().setAll(panels.properties());
        problemsSlot.getChildren().setAll(panels.problems());
        inspectorSlot.getChildren().setAll(panels.inspector());
        consoleSlot.getChildren().setAll(panels.console());
        chartsSlot.getChildren().setAll(panels.charts());
        metricsSlot.getChildren().setAll(panels.metrics());
        statusSlot.getChildren().setAll(panels.status());
    }

    /** The code-built parts of the window, one per slot. */
    public record Panels(Node palette, Node canvas, Node properties, Node problems, Node inspector, Node console,
                         Node charts, Node metrics, Node status) {}

    /** Puts File › Open Recent and Examples after Open, and View's theme switch last. */
    public void addMenus(Menu openRecent, Menu examples, MenuItem theme) {
        int at = fileMenu.getItems().indexOf(afterOpen);
        fileMenu.getItems().add(at, examples);
        fileMenu.getItems().add(at, openRecent);
        viewMenu.getItems().add(theme);
    }

    /** Keeps the window's split positions and selected tabs in {@code layout} between launches. */
    public void follow(WindowLayout layout) {
        layout.follow("side", sideSplit);
        layout.follow("bottom", bottomSplit);
        layout.follow("middle", middleSplit);
        layout.follow("centre", centreSplit);
        layout.follow("main", mainSplit);
        layout.follow("rows", rowsTabs);
        layout.follow("pictures", chartTabs);
    }

    public BorderPane root() {
        return root;
    }

    public MenuItem undoItem() {
        return undoItem;
    }

    public MenuItem redoItem() {
        return redoItem;
    }

    /** Run's menu items: F5, and the hidden one of Ctrl+R. */
    public List<MenuItem> runItems() {
        return List.of(runItem, runCtrlRItem);
    }

    public MenuItem previewItem() {
        return previewItem;
    }

    public MenuItem pauseItem() {
        return pauseItem;
    }

    public MenuItem stepItem() {
        return stepItem;
    }

    public MenuItem stopItem() {
        return stopItem;
    }

    public Button runButton() {
        return runButton;
    }

    public Button pauseButton() {
        return pauseButton;
    }

    public Button stepButton() {
        return stepButton;
    }

    public Button stopButton() {
        return stopButton;
    }

    public Button previewButton() {
        return previewButton;
    }

    public ChoiceBox<Trigger> triggerChoice() {
        return triggerChoice;
    }

    public ChoiceBox<ReplaySpeed> replayChoice() {
        return replayChoice;
    }

    public Label runDisabledReason() {
        return runDisabledReason;
    }

    @FXML private void newPipeline() {
        commands.newPipeline();
    }

    @FXML private void open() {
        commands.open();
    }

    @FXML private void save() {
        commands.save();
    }

    @FXML private void saveAs() {
        commands.saveAs();
    }

    @FXML private void exportToSpark() {
        commands.exportToSpark();
    }

    @FXML private void quit() {
        commands.quit();
    }

    @FXML private void undo() {
        commands.undo();
    }

    @FXML private void redo() {
        commands.redo();
    }

    @FXML private void copy() {
        commands.copy();
    }

    @FXML private void paste() {
        commands.paste();
    }

    @FXML private void duplicate() {
        commands.duplicate();
    }

    @FXML private void delete() {
        commands.delete();
    }

    @FXML private void selectAll() {
        commands.selectAll();
    }

    @FXML private void fitToView() {
        commands.fitToView();
    }

    @FXML private void run() {
        commands.run();
    }

    @FXML private void preview() {
        commands.preview();
    }

    @FXML private void pause() {
        commands.pause();
    }

    @FXML private void step() {
        commands.step();
    }

    @FXML private void stop() {
        commands.stop();
    }

    @FXML private void about() {
        commands.about();
    }
}
