package sluice.engine.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import sluice.engine.checkpoint.Checkpoint;
import sluice.engine.checkpoint.OffsetEntry;
import sluice.engine.diag.SluiceException;
import sluice.engine.operator.EventTimeWatermarks;
import sluice.engine.operator.PartitionTasks;
import sluice.engine.operator.StateRows;
import sluice.engine.operator.StatefulOperator;
import sluice.engine.pipeline.Trigger;
import sluice.engine.plan.PlannedNode;
import sluice.engine.plan.QueryPlan;
import sluice.engine.sink.SinkContext;
import sluice.engine.source.Source;
import sluice.engine.source.SourceContext;

/**
 * The micro-batch loop of one query, on the query's thread, in Spark's order: ask sources for their latest offsets,
 * log the offsets, run the batch, commit the sources, log the commit, publish progress. A stop interrupts a batch that
 * is running, as Spark's does, and the batch is left uncommitted. State fields are confined to the query thread
 * except the volatile controls set by {@link StreamingQuery} and the fields guarded by {@code control}.
 */
final class MicroBatchExecution {
    private static final System.Logger LOG = System.getLogger(MicroBatchExecution.class.getName());
    /** Spark's {@code spark.streaming.pollingDelay}: how long the default trigger waits when nothing is new. */
    private static final long POLLING_DELAY_MS = 10;

    private final QueryPlan plan;
    private final QueryOptions options;
    private final EngineEnvironment environment;
    private final StreamingQuery handle;
    private final List<QueryListener> listeners;
    private volatile BatchRunner runner;
    private final List<QueryPlan.Step> sourceSteps;
    private final Object control = new Object();

    private volatile boolean stopRequested;
    private volatile boolean paused;
    private volatile int stepsRequested;
    private volatile Throwable failure;
    private volatile QueryProgress lastProgress;
    private volatile long lastBatchId = -1;
    private volatile QueryStatus status = QueryStatus.INITIALIZING;
    /** The query thread while it runs a batch's data, the only time a stop interrupts it. Guarded by control. */
    private Thread batchThread;
    private volatile UUID id;
    private final UUID runId = UUID.randomUUID();

    private Checkpoint checkpoint;
    private List<String> committedOffsets;
    /** The settings logged with each batch's offsets (the state's partitions), or none. */
    private java.util.Map<String, String> offsetsConf = java.util.Map.of();
    private long nextBatchId;
    private long batchesRun;
    private long previousTriggerStartMs = -1;
    private final WatermarkTracker watermarks;
    /** The watermark the previous batch was logged with: a stateful operator drops rows behind it as late. */
    private long previousBatchWatermarkMs;

    MicroBatchExecution(QueryPlan plan, QueryOptions options, EngineEnvironment environment, StreamingQuery handle,
                        List<QueryListener> listeners) {
        this.plan = plan;
        this.options = options;
        this.environment = environment;
        this.handle = handle;
        this.listeners = listeners;
        this.sourceSteps = plan.sources();
        this.paused = options.trigger() instanceof Trigger.Manual;
        this.watermarks = new WatermarkTracker(plan);
    }

    String name() {
        return plan.spec().name();
    }

    UUID id() {
        return id;
    }

    UUID runId() {
        return runId;
    }

    Throwable failure() {
        return failure;
    }

    QueryProgress lastProgress() {
        return lastProgress;
    }

    long lastBatchId() {
        return lastBatchId;
    }

    boolean isPaused() {
        return paused;
    }

    QueryStatus status() {
        return status;
    }

    /** The running batch's input figures by source node; empty between batches. Any thread. */
    Map<String, QueryProgress.SourceInput> runningInput() {
        BatchRunner current = runner;
        return current == null ? Map.of() : current.runningInput();
    }

    void setPaused(boolean value) {
        synchronized (control) {
            paused = value;
            control.notifyAll();
        }
    }

    void requestStep() {
        synchronized (control) {
            stepsRequested++;
            control.notifyAll();
        }
    }

    /**
     * As Spark's {@code stop()}: the loop ends, and a batch in progress is interrupted (its partition tasks with it)
     * and abandoned, so it is not committed and runs again with the same offsets on the next start.
     */
    void requestStop() {
        synchronized (control) {
            stopRequested = true;
            if (batchThread != null) {
                batchThread.interrupt();
            }
            control.notifyAll();
        }
    }

    void run() {
        try (PartitionTasks tasks = new PartitionTasks(environment.parallelism(), "sluice-task-" + name())) {
            start();
            listeners.forEach(l -> l.onStarted(handle));
            runner = new BatchRunner(plan, tasks, environment);
            loop(runner);
        } catch (SluiceException | InternalFailure e) {
            failure = e;
        } catch (RuntimeException | Error e) {
            failure = new InternalFailure("(query)", e);
        } finally {
            status = failure == null ? QueryStatus.STOPPED
                    : new QueryStatus("Terminated with exception: " + failure.getMessage(), false, false);
            closeAll();
            if (failure != null && !(failure instanceof SluiceException)) {
                LOG.log(System.Logger.Level.ERROR, "query '" + name() + "' failed", failure);
            }
            LOG.log(System.Logger.Level.INFO, "query ''{0}'' stopped after batch {1}", name(), lastBatchId);
            Throwable ended = failure;
            listeners.forEach(l -> l.onTerminated(handle, ended));
        }
    }

    private void start() {
        List<String> offsets = new ArrayList<>();
        sourceSteps.forEach(step -> offsets.add(null));
        committedOffsets = offsets;
        if (options.checkpointLocation() != null) {
            checkpoint = Checkpoint.open(options.checkpointLocation());
            id = checkpoint.queryId();
        } else {
            id = UUID.randomUUID();
        }
        for (int i = 0; i < sourceSteps.size(); i++) {
            QueryPlan.Step step = sourceSteps.get(i);
            source(i).start(new SourceContext(step.nodeId(),
                    checkpoint == null ? null : checkpoint.sourceDir(i), environment.clock(), environment.zone(),
                    environment.parallelism()));
        }
        for (QueryPlan.Step step : plan.sinks()) {
            PlannedNode.SinkNode sink = (PlannedNode.SinkNode) step.node();
            BatchRunner.inNode(step.nodeId(), () -> {
                sink.sink().start(new SinkContext(step.nodeId(), sink.outputMode(), environment.console(),
                        environment.memory(), environment.zone()));
                return sink;
            });
        }
        new Recovery(checkpoint, sourceSteps, plan.sinks()).recover(this);
        offsetsConf = StateOpening.open(plan, checkpoint);
        if (options.trigger() instanceof Trigger.AvailableNow) {
            for (int i = 0; i < sourceSteps.size(); i++) {
                source(i).prepareForAvailableNow();
            }
        }
    }

    Source source(int index) {
        return ((PlannedNode.SourceNode) sourceSteps.get(index).node()).source();
    }

    /**
     * Called by recovery: the watermark of the latest logged batch, as Spark restores it, and the one the batch that
     * runs next treats as its previous batch's.
     */
    void resumeWatermark(long latestLoggedMs, long previousBatchMs) {
        watermarks.set(latestLoggedMs);
        previousBatchWatermarkMs = previousBatchMs;
    }

    /** Called by recovery: continue after {@code committed}, and re-run {@code uncommitted} first if there is one. */
    void resumeAt(long nextId, List<String> committed) {
        nextBatchId = nextId;
        committedOffsets = new ArrayList<>(committed);
        lastBatchId = nextId - 1;
    }

    private void commitSources(List<String> ends) {
        for (int i = 0; i < sourceSteps.size(); i++) {
            String end = ends.get(i);
            if (end != null) {
                source(i).commit(end);
            }
        }
    }

    private void loop(BatchRunner runner) {
        if (checkpoint != null) {
            // A crash between a batch's commit and its sources' commit left that undone; Spark too tells the sources
            // of the last committed batch once more when it goes on after a restart.
            commitSources(committedOffsets);
            rerunUncommitted(runner);
        }
        Trigger trigger = options.trigger();
        while (!stopRequested && !reachedMaxBatches()) {
            if (!awaitTurn()) {
                break;
            }
            // Only a batch that started because of a step uses it up; a step asked for while an unpaused batch
            // was running is kept for the next one.
            boolean stepping;
            synchronized (control) {
                stepping = paused && stepsRequested > 0;
            }
            long triggerStart = environment.clock().millis();
            status = new QueryStatus(status.message(), false, true);
            boolean ran = runNextBatch(runner, triggerStart);
            if (stopRequested) {
                break;
            }
            if (ran && stepping) {
                synchronized (control) {
                    stepsRequested--;
                }
            }
            if (trigger instanceof Trigger.Once || (trigger instanceof Trigger.AvailableNow && !ran)) {
                break;
            }
            if (trigger instanceof Trigger.ProcessingTime interval) {
                status = new QueryStatus("Waiting for next trigger", ran, false);
                waitUntil(nextTick(triggerStart, interval.interval().toMillis()));
            } else if (!ran) {
                status = new QueryStatus("Waiting for data to arrive", false, false);
                waitUntil(environment.clock().millis() + POLLING_DELAY_MS);
            }
        }
    }

    private boolean reachedMaxBatches() {
        return options.maxBatches() > 0 && batchesRun >= options.maxBatches();
    }

    /** Waits while paused with no step asked for; false when a stop came instead. */
    private boolean awaitTurn() {
        synchronized (control) {
            while (paused && stepsRequested == 0 && !stopRequested) {
                status = QueryStatus.PAUSED;
                try {
                    control.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return !stopRequested;
        }
    }

    private static long nextTick(long triggerStart, long intervalMs) {
        // Spark's ProcessingTimeExecutor aligns batches to multiples of the interval.
        return (triggerStart / intervalMs + 1) * intervalMs;
    }

    private void waitUntil(long deadlineMs) {
        synchronized (control) {
            long now;
            while (!stopRequested && (now = environment.clock().millis()) < deadlineMs
                    && !(paused && stepsRequested > 0)) {
                try {
                    control.wait(deadlineMs - now);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopRequested = true;
                }
            }
        }
    }

    private boolean runNextBatch(BatchRunner runner, long triggerStart) {
        Source.ReadLimit limit = options.trigger() instanceof Trigger.Once
                ? Source.ReadLimit.ALL_AVAILABLE : Source.ReadLimit.SOURCE_DEFAULT;
        List<String> ends = new ArrayList<>();
        boolean hasNewData = false;
        for (int i = 0; i < sourceSteps.size(); i++) {
            String start = committedOffsets.get(i);
            String nodeId = sourceSteps.get(i).nodeId();
            int index = i;
            // A source that waits (a broker that does not answer) shows who is being waited for, as Spark's status.
            status = new QueryStatus(QueryStatus.GETTING_OFFSETS_FROM + nodeId, false, true);
            String end = BatchRunner.inNode(nodeId, () -> source(index).latestOffset(start, limit));
            ends.add(end);
            hasNewData |= end != null && !Objects.equals(end, start);
        }
        long latestOffsetMs = environment.clock().millis() - triggerStart;
        if (!hasNewData) {
            if (!needsNoDataBatch()) {
                return false;
            }
            // Spark's no-data micro-batch: the same offsets, run so stateful operators emit and evict what the
            // moved watermark closed.
            ends = new ArrayList<>(committedOffsets);
        }
        status = new QueryStatus(hasNewData ? "Processing new data" : "No new data but cleaning up state", true, true);
        long batchId = nextBatchId;
        OffsetEntry entry = new OffsetEntry(triggerStart, watermarks.currentMs(), ends, offsetsConf);
        long walStart = environment.clock().millis();
        if (checkpoint != null) {
            checkpoint.writeOffsets(batchId, entry);
        }
        long walMs = environment.clock().millis() - walStart;
        return runBatch(runner, batchId, committedOffsets, entry, triggerStart, latestOffsetMs, walMs);
    }

    /** Whether a stateful operator asks for a batch without data now that the watermark moved (Spark's rule). */
    private boolean needsNoDataBatch() {
        // Spark asks the last batch's plan, so a query that has not run a batch since it started has none to ask.
        if (!watermarks.hasWatermark() || batchesRun == 0) {
            return false;
        }
        for (QueryPlan.Step step : plan.steps()) {
            if (step.node() instanceof PlannedNode.TransformNode transform
                    && transform.operator() instanceof StatefulOperator stateful
                    && stateful.shouldRunAnotherBatch(watermarks.currentMs())) {
                return true;
            }
        }
        return false;
    }

    /** A batch whose offsets were logged but that never committed is re-run with exactly those offsets. */
    private void rerunUncommitted(BatchRunner runner) {
        checkpoint.latestOffsetsBatch().ifPresent(latest -> {
            if (latest == nextBatchId) {
                OffsetEntry entry = checkpoint.offsets(latest).orElseThrow();
                LOG.log(System.Logger.Level.INFO, "re-running uncommitted batch {0}", latest);
                runBatch(runner, latest, committedOffsets, entry, environment.clock().millis(), 0, 0);
            }
        });
    }

    /** Runs and commits a batch; false when a stop interrupted it, leaving it uncommitted. */
    private boolean runBatch(BatchRunner runner, long batchId, List<String> starts, OffsetEntry entry,
                             long triggerStart, long latestOffsetMs, long walMs) {
        long addStart = environment.clock().millis();
        boolean keepOutputs = listeners.stream().anyMatch(QueryListener::wantsBatchData);
        watermarks.startBatch();
        EventTimeWatermarks batchWatermarks = new EventTimeWatermarks(previousBatchWatermarkMs,
                entry.batchWatermarkMs());
        BatchRunner.Outcome outcome = interruptibly(batchId, () -> runner.run(batchId, starts, entry.offsets(),
                entry.batchTimestampMs(), batchWatermarks, keepOutputs));
        if (outcome == null) {
            return false;
        }
        long addBatchMs = environment.clock().millis() - addStart;
        long commitStart = environment.clock().millis();
        if (checkpoint != null) {
            checkpoint.writeCommit(batchId, 0);
        }
        // After the commit log: a source may now drop or move what the batch read (cleanSource), and a crash before
        // the commit re-runs the batch with its input still there.
        commitSources(entry.offsets());
        long commitMs = environment.clock().millis() - commitStart;
        List<String> previous = committedOffsets;
        committedOffsets = new ArrayList<>(entry.offsets());
        watermarks.update();
        previousBatchWatermarkMs = entry.batchWatermarkMs();
        nextBatchId = batchId + 1;
        lastBatchId = batchId;
        batchesRun++;
        QueryProgress progress = ProgressReport.of(this, batchId, triggerStart, previousTriggerStartMs, previous,
                entry.offsets(), outcome, new long[] {latestOffsetMs, walMs, addBatchMs, commitMs},
                environment.clock().millis() - triggerStart, watermarks.progress(entry.batchWatermarkMs()));
        previousTriggerStartMs = triggerStart;
        lastProgress = progress;
        publishState(batchId);
        listeners.stream().filter(QueryListener::wantsBatchData)
                .forEach(l -> l.onBatchData(batchId, outcome.outputs()));
        listeners.forEach(l -> l.onProgress(progress));
        return true;
    }

    /** Hands a copy of every stateful operator's state after the batch to the listeners that want it. */
    private void publishState(long batchId) {
        int limit = listeners.stream().mapToInt(QueryListener::stateRowLimit).max().orElse(0);
        if (limit <= 0) {
            return;
        }
        Map<String, StateRows> states = new LinkedHashMap<>();
        for (QueryPlan.Step step : plan.steps()) {
            if (step.node() instanceof PlannedNode.TransformNode transform
                    && transform.operator() instanceof StatefulOperator stateful) {
                try {
                    states.put(step.nodeId(), BatchRunner.inNode(step.nodeId(),
                            () -> stateful.stateRows(batchId, limit)));
                } catch (RuntimeException e) {
                    // The batch is committed: a state that cannot be shown must not fail the query, only the view.
                    LOG.log(System.Logger.Level.WARNING, "the state of " + step.nodeId() + " after batch " + batchId
                            + " cannot be shown: " + e.getMessage());
                }
            }
        }
        Map<String, StateRows> shared = Collections.unmodifiableMap(states);
        listeners.stream().filter(l -> l.stateRowLimit() > 0).forEach(l -> l.onState(batchId, shared));
    }

    /**
     * Runs a batch's data (reads, operators, sinks) where a stop can interrupt it; null when one did. Only this part
     * is interrupted: the offsets and commit logs are written outside it, so an interrupt never cuts a log write
     * short. Whatever the interrupted work threw (an interruption, or an I/O error from a channel the interrupt
     * closed) ends the batch as stopped, as Spark treats failures caused by its stop.
     */
    private BatchRunner.Outcome interruptibly(long batchId, Supplier<BatchRunner.Outcome> work) {
        synchronized (control) {
            if (stopRequested) {
                return null;
            }
            batchThread = Thread.currentThread();
        }
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (!stopRequested) {
                throw e;
            }
            LOG.log(System.Logger.Level.INFO, "batch {0} interrupted by stop; it runs again on the next start",
                    batchId);
            LOG.log(System.Logger.Level.DEBUG, "the interrupted batch ended with", e);
            return null;
        } finally {
            synchronized (control) {
                batchThread = null;
                // A stop that came just as the batch finished must not interrupt the commit's writes.
                Thread.interrupted();
            }
        }
    }

    QueryPlan plan() {
        return plan;
    }


    Instant now() {
        return environment.clock().instant();
    }

    private void closeAll() {
        for (QueryPlan.Step step : plan.steps()) {
            try {
                if (step.node() instanceof PlannedNode.SourceNode source) {
                    source.source().close();
                } else if (step.node() instanceof PlannedNode.SinkNode sink) {
                    sink.sink().close();
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "closing node '" + step.nodeId() + "' failed", e);
            }
        }
    }
}
