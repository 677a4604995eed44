package sluice.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.prefs.Preferences;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Parent;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import sluice.app.canvas.PipelineCanvas;
import sluice.app.charts.ChartsPanel;
import sluice.app.charts.MetricsView;
import sluice.app.console.ConsolePanel;
import sluice.app.document.PipelineDocument;
import sluice.app.document.Selection;
import sluice.app.files.FileActions;
import sluice.app.frame.MainWindow;
import sluice.app.frame.WindowCommands;
import sluice.app.frame.WindowLayout;
import sluice.app.inspect.BatchInspector;
import sluice.app.palette.Palette;
import sluice.app.problems.ProblemsPanel;
import sluice.app.properties.PropertiesPanel;
import sluice.app.run.BatchFeed;
import sluice.app.run.FailureNotice;
import sluice.app.run.FeedListener;
import sluice.app.run.FeedPump;
import sluice.app.run.PreviewSpec;
import sluice.app.run.ReplaySpeed;
import sluice.app.run.RunSession;
import sluice.app.run.RunState;
import sluice.app.run.StatusBar;
import sluice.app.run.TriggerChoice;
import sluice.app.theme.AboutBox;
import sluice.app.theme.ThemeSwitch;
import sluice.app.validation.LiveValidation;
import sluice.engine.pipeline.PipelineSpec;
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
    private final FileActions files;
    private final ThemeSwitch theme;
    private final WindowLayout windowLayout;
    private final PipelineCanvas canvas = new PipelineCanvas(document, selection, catalog, validation);
    private final ConsolePanel console = new ConsolePanel();
    private final BatchInspector inspector = new BatchInspector(selection, document.specProperty(),
            validation.schemas(), feed::skippedBatches);
    private final ChartsPanel charts = new ChartsPanel(document);
    private final MetricsView metrics = new MetricsView();
    private final StatusBar status;
    private final MainWindow frame = MainWindow.load(new Commands());
    private final ChoiceBox<Trigger> trigger = frame.triggerChoice();
    private final ChoiceBox<ReplaySpeed> replay = frame.replayChoice();

    public Workbench() {
        this(Clock.systemUTC());
    }

    /** {@code clock} is the engine's clock for runs: it paces the every-second trigger (tests pass a manual one). */
    public Workbench(Clock clock) {
        this(clock, Preferences.userRoot().node(System.getProperty("sluice.preferences", "sluice/app")));
    }

    /**
     * As {@link #Workbench(Clock)}, with recent files, theme and window layout kept in {@code preferences} (tests
     * pass a node of their own).
     */
    public Workbench(Clock clock, Preferences preferences) {
        files = new FileActions(document, validation, preferences);
        theme = new ThemeSwitch(preferences);
        windowLayout = new WindowLayout(preferences.node("layout"));
        session = new RunSession(catalog, feed, clock);
        status = new StatusBar(session);
        document.specProperty().addListener((obs, old, spec) -> {
            validation.check(spec);
            // An edit may have fixed what made the last run fail; the failure is listed until then.
            session.clearFailures();
        });
        // Another pipeline: nothing of the previous one's run (state, figures, rows, messages) stays on screen.
        document.loadsProperty().addListener((obs, old, count) -> {
            session.reset();
            pump.reset();
        });
        session.failures().addListener((javafx.collections.ListChangeListener<sluice.engine.diag.Problem>) change ->
                canvas.showRunFailures(session.failures()));
        pump.addListener(console);
        pump.addListener(inspector);
        pump.addListener(charts);
        pump.addListener(metrics);
        pump.addListener(status);
        sluice.app.canvas.StateFigures stateFigures = new sluice.app.canvas.StateFigures();
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
                java.util.Map<String, Long> malformed = new java.util.LinkedHashMap<>();
                progress.inputByNode().forEach((id, input) -> malformed.put(id, input.malformedRecords()));
                canvas.showMalformed(malformed);
                canvas.showState(stateFigures.after(progress, validation.planProperty().get()));
            }

            @Override
            public void onReset() {
                canvas.showRowCounts(java.util.Map.of());
                canvas.showMalformed(java.util.Map.of());
                stateFigures.clear();
                canvas.showState(java.util.Map.of());
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
        FailureNotice notice = new FailureNotice(canvas.view(), session.failures(), selection::selectOnly);
        frame.install(new MainWindow.Panels(new Palette(catalog).view(), notice.view(),
                new PropertiesPanel(document, selection, catalog, validation).view(),
                new ProblemsPanel(validation, session.failures(), selection).view(), inspector.view(),
                console.view(), charts.view(), metrics.view(), status.view()));
        frame.addMenus(files.openRecentMenu(this::window), files.examplesMenu(this::window), theme.menuItem());
        frame.follow(windowLayout);
        frame.undoItem().textProperty().bind(document.history().undoTextProperty());
        frame.undoItem().disableProperty().bind(document.history().canUndoProperty().not());
        frame.redoItem().textProperty().bind(document.history().redoTextProperty());
        frame.redoItem().disableProperty().bind(document.history().canRedoProperty().not());
        // The menu items and the toolbar's buttons share their conditions: a shortcut does nothing its button could
        // not do.
        frame.runItems().forEach(item -> item.disableProperty().bind(cannotRun()));
        frame.runButton().disableProperty().bind(cannotRun());
        frame.previewItem().disableProperty().bind(cannotRun());
        frame.previewButton().disableProperty().bind(cannotRun());
        frame.pauseItem().disableProperty().bind(cannotPause());
        frame.pauseButton().disableProperty().bind(cannotPause());
        frame.stepItem().disableProperty().bind(cannotStep());
        frame.stepButton().disableProperty().bind(cannotStep());
        frame.stopItem().disableProperty().bind(cannotStop());
        frame.stopButton().disableProperty().bind(cannotStop());
        new TriggerChoice(trigger, document);
        frame.runDisabledReason().textProperty().bind(Bindings.createStringBinding(
                () -> ProblemsPanel.runBlockedReason(validation.problems().size()), validation.problems()));
        replay.getItems().addAll(ReplaySpeed.values());
        replay.setValue(ReplaySpeed.NORMAL);
        replay.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !(trigger.getValue() instanceof Trigger.ProcessingTime), trigger.valueProperty()));
    }

    private javafx.stage.Window window() {
        return root().getScene().getWindow();
    }

    /** What the menus and the toolbar do. */
    private final class Commands implements WindowCommands {
        @Override
        public void newPipeline() {
            files.newAsked(window());
        }

        @Override
        public void open() {
            files.chooseAndOpen(window());
        }

        @Override
        public void save() {
            commitEditing();
            files.save(window());
        }

        @Override
        public void saveAs() {
            commitEditing();
            files.saveAs(window());
        }

        @Override
        public void exportToSpark() {
            commitEditing();
            files.chooseAndExport(window());
        }

        @Override
        public void quit() {
            Workbench.this.quit();
        }

        @Override
        public void undo() {
            document.history().undo();
        }

        @Override
        public void redo() {
            document.history().redo();
        }

        @Override
        public void copy() {
            canvas.copySelection();
        }

        @Override
        public void paste() {
            canvas.paste();
        }

        @Override
        public void duplicate() {
            canvas.duplicateSelection();
        }

        @Override
        public void delete() {
            canvas.deleteSelection();
        }

        @Override
        public void selectAll() {
            canvas.selectAll();
        }

        @Override
        public void fitToView() {
            canvas.fitToView();
        }

        @Override
        public void run() {
            Workbench.this.run();
        }

        @Override
        public void preview() {
            Workbench.this.preview();
        }

        @Override
        public void pause() {
            session.pause();
        }

        @Override
        public void step() {
            Workbench.this.step();
        }

        @Override
        public void stop() {
            session.stop();
        }

        @Override
        public void about() {
            AboutBox.show(window());
        }
    }

    /**
     * Text editors commit on Enter or when they lose focus; a menu shortcut does neither, so Save takes the focus
     * first and the text being typed is part of what is saved.
     */
    private void commitEditing() {
        Parent root = root();
        if (root.getScene() != null && root.getScene().getFocusOwner() instanceof TextInputControl) {
            root.requestFocus();
        }
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

    /** The pipeline's own trigger, a processing-time one sped up or slowed down as the Replay list says. */
    private Trigger chosenTrigger() {
        Trigger own = document.spec().trigger();
        return own instanceof Trigger.ProcessingTime time ? replay.getValue().scale(time, document.spec()) : own;
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
     * Runs the pipeline once its current version is checked (now, if it already is), once: the window's
     * {@code --run}. Checks after later edits start nothing, and a check that ended before this call is not waited
     * for.
     */
    public void runWhenChecked() {
        if (document.spec().equals(validation.checkedProperty().get())) {
            run();
            return;
        }
        validation.checkedProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends PipelineSpec> obs, PipelineSpec old, PipelineSpec now) {
                if (document.spec().equals(now)) {
                    validation.checkedProperty().removeListener(this);
                    run();
                }
            }
        });
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
        return frame.root();
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

    public PipelineCanvas canvas() {
        return canvas;
    }

    /**
     * Binds the window title to the pipeline's file, name and unsaved state: {@code Sluice — 'mine.sluice.json'
     * (My pipeline) *}.
     */
    public void attach(Stage stage) {
        stage.titleProperty().bind(Bindings.createStringBinding(() -> "Sluice — " + files.documentName()
                + (document.isDirty() ? " *" : ""), document.specProperty(), document.dirtyProperty(),
                document.fileProperty()));
    }

    /**
     * Sizes and places the window as it was when last closed (the first time, 1400 by 900 within the screen), and
     * remembers it from now on.
     */
    public void restoreWindow(Stage stage, javafx.geometry.Rectangle2D screen) {
        windowLayout.follow(stage, screen, 1400, 900);
    }

    /** File › Quit: closes the window after asking about unsaved changes; the application ends with it. */
    public void quit() {
        commitEditing();
        javafx.stage.Window window = window();
        if (files.quitAsked(window) && window instanceof Stage stage) {
            stage.close();
        }
    }

    public void close() {
        windowLayout.close();
        pump.stop();
        session.close();
        validation.close();
    }
}
