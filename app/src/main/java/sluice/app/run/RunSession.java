package sluice.app.run;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.diag.SluiceException;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.PipelineLoader;
import sluice.engine.plan.PlanEnvironment;
import sluice.engine.runtime.EngineEnvironment;
import sluice.engine.runtime.InternalFailure;
import sluice.engine.runtime.QueryOptions;
import sluice.engine.runtime.StreamingQuery;
import sluice.engine.sink.MemoryTables;

/**
 * FX-thread facade of one run at a time on the embedded engine. Planning, starting and stopping happen on a control
 * thread, so the window never waits for the engine; the query's events come back through the {@link BatchFeed}.
 * What made the last run fail is kept as problems (the node and option it happened at) until the next run, an edit
 * or {@link #reset()}. Its state property and failures list are FX-thread only.
 */
public final class RunSession implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RunSession.class.getName());
    private final NodeCatalog catalog;
    private final BatchFeed feed;
    private final Clock clock;
    private final ExecutorService control = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sluice-run-control");
        thread.setDaemon(true);
        return thread;
    });
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(this, "state", RunState.IDLE);
    private final ObservableList<Problem> failures = FXCollections.observableArrayList();
    private final ObservableList<Problem> failuresView = FXCollections.unmodifiableObservableList(failures);
    private volatile StreamingQuery query;
    /** Counts runs and resets; a query's events reach the feed only while its number is the current one. */
    private volatile int run;

    /** {@code clock} is the queries' clock: it paces processing-time triggers and stamps progress. */
    public RunSession(NodeCatalog catalog, BatchFeed feed, Clock clock) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.feed = requireNonNull(feed, "feed is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public RunState state() {
        return state.get();
    }

    public BatchFeed feed() {
        return feed;
    }

    /** What the current run's query is doing now; {@link RunActivity#NONE} when there is none. Any thread. */
    public RunActivity activity() {
        StreamingQuery running = query;
        return running == null || !running.isActive() ? RunActivity.NONE
                : RunActivity.of(running.status(), running.lastBatchId(), running.runningInput().values());
    }

    /** Why the last run failed (empty while none did): one problem, at the node and option where it happened. */
    public ObservableList<Problem> failures() {
        return failuresView;
    }

    /** Forgets the last run's failure: the pipeline was edited, so the failure may no longer apply. */
    public void clearFailures() {
        failures.clear();
    }

    /**
     * Another pipeline replaces the one that ran (New, Open): stops any run and goes back to Ready with no failure,
     * so nothing of the previous pipeline's run is left on screen.
     */
    public void reset() {
        run++;
        failures.clear();
        state.set(RunState.IDLE);
        control.execute(this::stopQuery);
    }

    /**
     * Plans {@code spec} (relative paths against {@code baseDir}) and runs it with {@code trigger}; a manual trigger
     * starts paused, waiting for {@link #step()}. A run still going is stopped first.
     */
    public void start(PipelineSpec spec, Path baseDir, Trigger trigger) {
        start(spec, baseDir, trigger, 0);
    }

    /** As {@link #start(PipelineSpec, Path, Trigger)}, stopping after {@code maxBatches} batches (0: no limit). */
    public void start(PipelineSpec spec, Path baseDir, Trigger trigger, long maxBatches) {
        start(spec, baseDir, trigger, maxBatches, false);
    }

    /**
     * As {@link #start(PipelineSpec, Path, Trigger)}, but held before the first batch until {@link #step()}; after
     * {@link #resume()} batches run as {@code trigger} says. Step on a stopped pipeline starts this way.
     */
    public void startPaused(PipelineSpec spec, Path baseDir, Trigger trigger) {
        start(spec, baseDir, trigger, 0, true);
    }

    private void start(PipelineSpec spec, Path baseDir, Trigger trigger, long maxBatches, boolean held) {
        requireNonNull(spec, "spec is null");
        requireNonNull(trigger, "trigger is null");
        state.set(RunState.STARTING);
        failures.clear();
        int number = ++run;
        control.execute(() -> {
            stopQuery();
            PipelineLoader.Loaded loaded = new PipelineLoader(catalog).plan(spec, List.of(),
                    new PlanEnvironment(baseDir, ZoneId.systemDefault()).withoutColumnPruning());
            if (!loaded.problems().isEmpty()) {
                // Something changed since the live check (a folder removed): the run fails before its first batch.
                feed.offer(new FeedEvent.EndEvent(loaded.problems().get(0).render()));
                Platform.runLater(() -> {
                    if (state.get() == RunState.STARTING) {
                        failures.setAll(loaded.problems());
                        state.set(RunState.FAILED);
                    }
                });
                return;
            }
            PrintStream console = new PrintStream(new ConsoleStream(feed), true, StandardCharsets.UTF_8);
            EngineEnvironment environment = new EngineEnvironment(console, new MemoryTables(), clock,
                    ZoneId.systemDefault(), Runtime.getRuntime().availableProcessors());
            StreamingQuery started = StreamingQuery.create(loaded.plan(), new QueryOptions(trigger, null, maxBatches),
                    environment);
            started.addListener(new FeedingListener(feed, () -> run, number));
            started.addListener(new sluice.engine.runtime.QueryListener() {
                @Override
                public void onTerminated(StreamingQuery ended, Throwable failure) {
                    Platform.runLater(() -> {
                        if (query == ended) {
                            state.set(failure == null ? RunState.FINISHED : RunState.FAILED);
                            if (failure != null) {
                                failures.setAll(problemOf(failure));
                            }
                        }
                    });
                }
            });
            query = started;
            if (held) {
                // Before the query's thread starts, so not even its first batch runs until a step.
                started.pause();
            }
            started.start();
            boolean paused = held || trigger instanceof Trigger.Manual;
            Platform.runLater(() -> {
                if (query == started && state.get() == RunState.STARTING) {
                    state.set(paused ? RunState.PAUSED : RunState.RUNNING);
                }
            });
        });
    }

    public void pause() {
        StreamingQuery running = query;
        if (running != null && running.isActive()) {
            running.pause();
            state.set(RunState.PAUSED);
        }
    }

    public void resume() {
        StreamingQuery running = query;
        if (running != null && running.isActive()) {
            running.resume();
            state.set(RunState.RUNNING);
        }
    }

    /** Runs exactly one more micro-batch of a paused run. */
    public void step() {
        StreamingQuery running = query;
        if (running != null && running.isActive()) {
            running.pause();
            running.step();
            state.set(RunState.PAUSED);
        }
    }

    public void stop() {
        control.execute(() -> {
            stopQuery();
            Platform.runLater(() -> {
                if (state.get().isActive()) {
                    state.set(RunState.STOPPED);
                }
            });
        });
    }

    /**
     * Forgets the query before stopping it: its end, heard on the FX thread later, then belongs to no current run
     * and cannot mark a run started meanwhile as finished.
     */
    private void stopQuery() {
        StreamingQuery running = query;
        query = null;
        if (running != null) {
            running.stop();
            LOG.log(System.Logger.Level.INFO, "stopped query ''{0}''", running.name());
        }
    }

    /** The failure as the user's problem; a bug is named by its node, its details go to the log. */
    static Problem problemOf(Throwable failure) {
        if (failure instanceof SluiceException user) {
            return user.problem();
        } else if (failure instanceof InternalFailure bug) {
            return Problem.of(ErrorCode.INTERNAL_ERROR, Position.node(bug.nodeId()),
                    "internal error in node '%s'; details in the log", bug.nodeId());
        }
        return Problem.of(ErrorCode.INTERNAL_ERROR, Position.NOWHERE, "internal error; details in the log");
    }

    @Override
    public void close() {
        StreamingQuery running = query;
        if (running != null) {
            running.stop();
        }
        control.shutdownNow();
    }
}
