package sluice.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.prefs.Preferences;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import sluice.app.canvas.PipelineCanvas;
import sluice.app.charts.ChartsPanel;
import sluice.app.charts.MetricsView;
import sluice.app.console.ConsolePanel;
import sluice.app.document.PipelineDocument;
import sluice.app.document.Selection;
import sluice.app.files.FileActions;
import sluice.app.inspect.BatchInspector;
import sluice.app.palette.Palette;
import sluice.app.problems.ProblemsPanel;
import sluice.app.properties.PropertiesPanel;
import sluice.app.run.BatchFeed;
import sluice.app.run.FeedListener;
import sluice.app.run.FeedPump;
import sluice.app.run.PreviewSpec;
import sluice.app.run.ReplaySpeed;
import sluice.app.run.RunSession;
import sluice.app.run.RunState;
import sluice.app.run.StatusBar;
import sluice.app.theme.AboutBox;
import sluice.app.theme.ThemeSwitch;
import sluice.app.validation.LiveValidation;
import sluice.engine.pipeline.Trigger;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.runtime.QueryProgress;

/**
 * FX thread only. The window's layout (menus and run controls on top, palette left, canvas centre, properties and
 * problems right, inspector, charts, metrics and console below, status at the bottom) and the wiring between the
 * document, selection, validation and run session that the panels share. Each panel gets only what it needs.
 */
public final class Workbench {
    private final NodeCatalog catalog = NodeCatalog.standard();
    private final PipelineDocument document = new PipelineDocument();
    private final Selection selection = new Selection();
    private final LiveValidation validation = new LiveValidation(catalog, this::baseDir);
    private final BatchFeed feed = new BatchFeed(256);
    private final FeedPump pump = new FeedPump(feed);
    private final RunSession session;
    private final Preferences preferences = Preferences.userRoot().node(System.getProperty("sluice.preferences",
            "sluice/app"));
    private final FileActions files = new FileActions(document, validation, preferences);
    private final ThemeSwitch theme = new ThemeSwitch(preferences);
    private final PipelineCanvas canvas = new PipelineCanvas(document, selection, catalog, validation);
    private final ConsolePanel console = new ConsolePanel();
    private final BatchInspector inspector = new BatchInspector(selection, document.specProperty(),
            feed::skippedBatches);
    private final ChartsPanel charts = new ChartsPanel(document);
    private final MetricsView metrics = new MetricsView();
    private final StatusBar status;
    private final ChoiceBox<String> trigger = new ChoiceBox<>();
    private final ChoiceBox<ReplaySpeed> replay = new ChoiceBox<>();
    private final BorderPane root = new BorderPane();

    public Workbench() {
        this(Clock.systemUTC());
    }

    /** {@code clock} is the engine's clock for runs: it paces the every-second trigger (tests pass a manual one). */
    public Workbench(Clock clock) {
        session = new RunSession(catalog, feed, clock);
        status = new StatusBar(session);
        document.specProperty().addListener((obs, old, spec) -> validation.check(spec));
        pump.addListener(console);
        pump.addListener(inspector);
        pump.addListener(charts);
        pump.addListener(metrics);
        pump.addListener(status);
        pump.addListener(new FeedListener() {
            @Override
            public void onBatch(sluice.app.run.FeedEvent.BatchEvent batch) {
                java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
                batch.nodes().forEach((id, snapshot) -> counts.put(id, snapshot.totalRows()));
                canvas.showRowCounts(counts);
            }

            @Override
            public void onProgress(QueryProgress progress) {
                canvas.showRowCounts(progress.numRowsByNode());
            }
        });
        pump.start();
        layout();
    }

    /** Relative paths in the pipeline resolve against its file's folder (the working directory for a new one). */
    private Path baseDir() {
        Path file = document.file();
        return file == null || file.getParent() == null ? Path.of("").toAbsolutePath() : file.getParent();
    }

    private void layout() {
        SplitPane side = new SplitPane(new PropertiesPanel(document, selection, catalog, validation).view(),
                new ProblemsPanel(validation, selection).view());
        side.setOrientation(Orientation.VERTICAL);
        side.setDividerPositions(0.65);
        // Rows on the left, pictures on the right: a batch's table and its chart are seen together.
        TabPane rows = new TabPane(tab("Inspector", inspector.view()), tab("Console", console.view()));
        rows.setId("rows-tabs");
        TabPane pictures = new TabPane(tab("Charts", charts.view()), tab("Metrics", metrics.view()));
        pictures.setId("chart-tabs");
        SplitPane bottom = new SplitPane(rows, pictures);
        bottom.setDividerPositions(0.55);
        SplitPane middle = new SplitPane(canvas.view(), side);
        middle.setDividerPositions(0.72);
        SplitPane centre = new SplitPane(middle, bottom);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.58);
        SplitPane main = new SplitPane(new Palette(catalog).view(), centre);
        main.setDividerPositions(0.14);
        root.setTop(new VBox(menus(), toolbar()));
        root.setCenter(main);
        root.setBottom(status.view());
    }

    private static Tab tab(String name, javafx.scene.Node content) {
        Tab tab = new Tab(name, content);
        tab.setClosable(false);
        return tab;
    }

    private MenuBar menus() {
        Menu file = new Menu("File");
        file.getItems().addAll(
                item("New", new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN),
                        () -> files.newAsked(root.getScene().getWindow())),
                item("Open…", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
                        () -> files.chooseAndOpen(root.getScene().getWindow())),
                files.openRecentMenu(() -> root.getScene().getWindow()),
                files.examplesMenu(() -> root.getScene().getWindow()), new SeparatorMenuItem(),
                item("Save", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN),
                        () -> {
                            commitEditing();
                            files.save(root.getScene().getWindow());
                        }),
                item("Save As…", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
                        KeyCombination.SHIFT_DOWN), () -> {
                            commitEditing();
                            files.saveAs(root.getScene().getWindow());
                        }),
                new SeparatorMenuItem(), exportItem());
        Menu edit = new Menu("Edit");
        MenuItem undo = item("Undo", new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN),
                document.history()::undo);
        undo.textProperty().bind(document.history().undoTextProperty());
        undo.disableProperty().bind(document.history().canUndoProperty().not());
        MenuItem redo = item("Redo", new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), document.history()::redo);
        redo.textProperty().bind(document.history().redoTextProperty());
        redo.disableProperty().bind(document.history().canRedoProperty().not());
        edit.getItems().addAll(undo, redo, new SeparatorMenuItem(),
                item("Copy", new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN), canvas::copySelection),
                item("Paste", new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN), canvas::paste),
                item("Duplicate", new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN),
                        canvas::duplicateSelection),
                item("Delete", new KeyCodeCombination(KeyCode.DELETE), canvas::deleteSelection),
                item("Select All", new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN),
                        canvas::selectAll));
        Menu view = new Menu("View");
        view.getItems().add(item("Fit to View", new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN),
                canvas::fitToView));
        view.getItems().add(theme.menuItem());
        // The same conditions as the toolbar's buttons: a shortcut does nothing its button could not do.
        // Run's second shortcut, Ctrl+R, lives in a hidden item: a menu item shows one accelerator.
        MenuItem runCtrlR = runItem("Run", "run-item-ctrl-r",
                new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), this::run, cannotRun());
        runCtrlR.setVisible(false);
        Menu run = new Menu("Run", null,
                runItem("Run", "run-item", new KeyCodeCombination(KeyCode.F5), this::run, cannotRun()), runCtrlR,
                runItem("Preview", "preview-item", new KeyCodeCombination(KeyCode.F7), this::preview, cannotRun()),
                runItem("Pause", "pause-item", null, session::pause, cannotPause()),
                runItem("Step", "step-item", new KeyCodeCombination(KeyCode.F6), this::step, cannotStep()),
                runItem("Stop", "stop-item", new KeyCodeCombination(KeyCode.F5, KeyCombination.SHIFT_DOWN),
                        session::stop, cannotStop()));
        Menu help = new Menu("Help", null, AboutBox.menuItem(() -> root.getScene().getWindow()));
        MenuBar bar = new MenuBar(file, edit, view, run, help);
        bar.setId("menu-bar");
        return bar;
    }

    /**
     * File › Export to Spark…. Not disabled by problems: a failed export is itself a problem, and the menu must stay
     * usable to try again; an invalid pipeline writes nothing and its problems are listed already.
     */
    private MenuItem exportItem() {
        MenuItem export = item("Export to Spark…", null, () -> {
            commitEditing();
            files.chooseAndExport(root.getScene().getWindow());
        });
        export.setId("export-to-spark");
        return export;
    }

    /**
     * Text editors commit on Enter or when they lose focus; a menu shortcut does neither, so Save takes the focus
     * first and the text being typed is part of what is saved.
     */
    private void commitEditing() {
        if (root.getScene() != null && root.getScene().getFocusOwner() instanceof javafx.scene.control.TextInputControl) {
            root.requestFocus();
        }
    }

    private static MenuItem item(String text, KeyCombination keys, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (keys != null) {
            item.setAccelerator(keys);
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private static MenuItem runItem(String text, String id, KeyCombination keys, Runnable action,
                                    BooleanBinding disabled) {
        MenuItem item = item(text, keys, action);
        item.setId(id);
        item.disableProperty().bind(disabled);
        return item;
    }

    /** Run and Preview: not while the pipeline has problems, nor while a run is going (Run resumes a paused one). */
    private BooleanBinding cannotRun() {
        return Bindings.isNotEmpty(validation.problems()).or(session.stateProperty().isEqualTo(RunState.RUNNING));
    }

    private BooleanBinding cannotPause() {
        return session.stateProperty().isNotEqualTo(RunState.RUNNING);
    }

    private BooleanBinding cannotStep() {
        return Bindings.isNotEmpty(validation.problems());
    }

    private BooleanBinding cannotStop() {
        return Bindings.createBooleanBinding(() -> !session.state().isActive(), session.stateProperty());
    }

    private ToolBar toolbar() {
        Button runButton = button("Run", "run-button", "Run the pipeline (F5)", this::run);
        runButton.disableProperty().bind(cannotRun());
        Button pause = button("Pause", "pause-button", "Hold before the next batch", session::pause);
        pause.disableProperty().bind(cannotPause());
        Button step = button("Step", "step-button", "Run exactly one micro-batch (F6)", this::step);
        step.disableProperty().bind(cannotStep());
        Button stop = button("Stop", "stop-button", "Stop the run (Shift+F5)", session::stop);
        stop.disableProperty().bind(cannotStop());
        trigger.setId("trigger-choice");
        trigger.getItems().addAll("As fast as possible", "Every second", "Once", "Available now");
        trigger.setValue("Every second");
        trigger.setTooltip(new Tooltip("When micro-batches run"));
        Label why = new Label();
        why.setId("run-disabled-reason");
        why.textProperty().bind(Bindings.createStringBinding(
                () -> ProblemsPanel.runBlockedReason(validation.problems().size()), validation.problems()));
        Button preview = button("Preview", "preview-button",
                "Run one batch of each source's first data, writing no files (F7)", this::preview);
        preview.disableProperty().bind(cannotRun());
        replay.setId("replay-speed");
        replay.getItems().addAll(ReplaySpeed.values());
        replay.setValue(ReplaySpeed.NORMAL);
        replay.setTooltip(new Tooltip("Replay speed of file sources with the every-second trigger: 1x is one batch "
                + "(maxFilesPerTrigger files) a second"));
        replay.disableProperty().bind(trigger.valueProperty().isNotEqualTo("Every second"));
        ToolBar bar = new ToolBar(runButton, pause, step, stop, preview, new Label("Trigger:"), trigger,
                new Label("Replay:"), replay, why);
        bar.setId("run-toolbar");
        return bar;
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(e -> action.run());
        return button;
    }

    private Trigger chosenTrigger() {
        return switch (trigger.getValue()) {
            case "Once" -> new Trigger.Once();
            case "Available now" -> new Trigger.AvailableNow();
            case "Every second" -> replay.getValue().triggerFor(document.spec());
            default -> Trigger.DEFAULT;
        };
    }

    /** Runs, or resumes a paused run. */
    public void run() {
        if (session.state() == RunState.PAUSED) {
            session.resume();
            return;
        }
        if (!validation.problems().isEmpty() || session.state() == RunState.STARTING) {
            return;
        }
        pump.reset();
        showTableWhenNothingSelected();
        session.start(document.spec(), baseDir(), chosenTrigger());
    }

    /**
     * A newcomer presses Run or Step with nothing selected: show the first table sink's rows rather than an empty
     * panel.
     */
    private void showTableWhenNothingSelected() {
        if (selection.nodes().isEmpty() && selection.edgeProperty().get() == null) {
            document.spec().nodes().stream().filter(n -> n.type().equals("sink.table")).findFirst()
                    .ifPresent(n -> selection.selectOnly(n.id()));
        }
    }

    /** Runs the first batch of each source with file and Kafka sinks swapped for noop, so every edge has rows. */
    public void preview() {
        if (!validation.problems().isEmpty() || session.state() == RunState.STARTING) {
            return;
        }
        pump.reset();
        session.start(PreviewSpec.of(document.spec()), baseDir(), PreviewSpec.TRIGGER, PreviewSpec.MAX_BATCHES);
    }

    /**
     * One micro-batch: starts a paused run first when none is going, with the chosen trigger, so that Run then
     * continues as the Trigger list says.
     */
    public void step() {
        if (session.state().isActive()) {
            session.step();
            return;
        }
        if (!validation.problems().isEmpty()) {
            return;
        }
        pump.reset();
        showTableWhenNothingSelected();
        session.startPaused(document.spec(), baseDir(), chosenTrigger());
        session.stateProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends RunState> obs, RunState old,
                                RunState now) {
                if (now == RunState.PAUSED) {
                    session.stateProperty().removeListener(this);
                    session.step();
                } else if (!now.isActive()) {
                    session.stateProperty().removeListener(this);
                }
            }
        });
    }

    public Parent root() {
        return root;
    }

    public PipelineDocument document() {
        return document;
    }

    public Selection selection() {
        return selection;
    }

    public FileActions files() {
        return files;
    }

    public RunSession session() {
        return session;
    }

    public LiveValidation validation() {
        return validation;
    }

    public FeedPump pump() {
        return pump;
    }

    public BatchInspector inspector() {
        return inspector;
    }

    public ChartsPanel charts() {
        return charts;
    }

    public MetricsView metrics() {
        return metrics;
    }

    /** Binds the window title to the pipeline's name and unsaved state: {@code Sluice — <name>}. */
    public void attach(Stage stage) {
        stage.titleProperty().bind(Bindings.createStringBinding(() -> "Sluice — " + document.spec().name()
                + (document.isDirty() ? " *" : ""), document.specProperty(), document.dirtyProperty()));
    }

    public void close() {
        pump.stop();
        session.close();
        validation.close();
    }
}
