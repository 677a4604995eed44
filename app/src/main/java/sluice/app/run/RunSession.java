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
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.PipelineLoader;
import sluice.engine.plan.PlanEnvironment;
import sluice.engine.runtime.EngineEnvironment;
import sluice.engine.runtime.QueryOptions;
import sluice.engine.runtime.StreamingQuery;
import sluice.engine.sink.MemoryTables;

/**
 * FX-thread facade of one run at a time on the embedded engine. Planning, starting and stopping happen on a control
 * thread, so the window never waits for the engine; the query's events come back through the {@link BatchFeed}.
 * Its state property is FX-thread only.
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
    private volatile StreamingQuery query;

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
        control.execute(() -> {
            stopQuery();
            PipelineLoader.Loaded loaded = new PipelineLoader(catalog).plan(spec, List.of(),
                    new PlanEnvironment(baseDir, ZoneId.systemDefault()).withoutColumnPruning());
            if (!loaded.problems().isEmpty()) {
                feed.offer(new FeedEvent.EndEvent(loaded.problems().get(0).render()));
                Platform.runLater(() -> state.set(RunState.FAILED));
                return;
            }
            PrintStream console = new PrintStream(new ConsoleStream(feed), true, StandardCharsets.UTF_8);
            EngineEnvironment environment = new EngineEnvironment(console, new MemoryTables(), clock,
                    ZoneId.systemDefault(), Runtime.getRuntime().availableProcessors());
            StreamingQuery started = StreamingQuery.create(loaded.plan(), new QueryOptions(trigger, null, maxBatches),
                    environment);
            started.addListener(new FeedingListener(feed));
            started.addListener(new sluice.engine.runtime.QueryListener() {
                @Override
                public void onTerminated(StreamingQuery ended, Throwable failure) {
                    Platform.runLater(() -> {
                        if (query == ended) {
                            state.set(failure == null ? RunState.FINISHED : RunState.FAILED);
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
                    state.set(RunState.FINISHED);
                }
            });
        });
    }

    private void stopQuery() {
        StreamingQuery running = query;
        if (running != null) {
            running.stop();
            LOG.log(System.Logger.Level.INFO, "stopped query ''{0}''", running.name());
        }
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
