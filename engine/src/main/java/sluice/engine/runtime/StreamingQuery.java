package sluice.engine.runtime;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import sluice.engine.diag.SluiceException;
import sluice.engine.plan.QueryPlan;

/**
 * The handle of one running pipeline, as Spark's {@code StreamingQuery}: start, stop, await termination, and the
 * workbench's pause, resume and step. Thread-safe; the micro-batch loop runs on the query's own thread.
 */
public final class StreamingQuery {
    private final MicroBatchExecution execution;
    private final Thread thread;
    private final List<QueryListener> listeners = new CopyOnWriteArrayList<>();

    private StreamingQuery(QueryPlan plan, QueryOptions options, EngineEnvironment environment) {
        this.execution = new MicroBatchExecution(plan, options, environment, this, listeners);
        this.thread = new Thread(execution::run, "sluice-query-" + plan.spec().name());
        this.thread.setDaemon(true);
    }

    /** A query ready to {@link #start()}; add listeners first to hear every event. */
    public static StreamingQuery create(QueryPlan plan, QueryOptions options, EngineEnvironment environment) {
        return new StreamingQuery(requireNonNull(plan, "plan is null"), requireNonNull(options, "options is null"),
                requireNonNull(environment, "environment is null"));
    }

    public StreamingQuery addListener(QueryListener listener) {
        listeners.add(requireNonNull(listener, "listener is null"));
        return this;
    }

    public StreamingQuery start() {
        thread.start();
        return this;
    }

    public String name() {
        return execution.name();
    }

    /** Spark's query id: kept in the checkpoint, the same across restarts (null until the query has started). */
    public UUID id() {
        return execution.id();
    }

    /** A new id for every start. */
    public UUID runId() {
        return execution.runId();
    }

    public boolean isActive() {
        return thread.isAlive();
    }

    public Optional<QueryProgress> lastProgress() {
        return Optional.ofNullable(execution.lastProgress());
    }

    /** The failure that ended the query, if it failed: a {@link SluiceException} for user errors, else a bug. */
    public Optional<Throwable> exception() {
        return Optional.ofNullable(execution.failure());
    }

    /**
     * Stops the query and waits for its thread to end, as Spark's {@code stop()}: a batch in progress is interrupted
     * (its partition tasks, source reads and sinks notice within moments) and is not committed, so the next start on
     * the same checkpoint runs it again with the same offsets; a batch that already finished is committed, never half.
     */
    public void stop() {
        execution.requestStop();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the query ends; rethrows its failure. */
    public void awaitTermination() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        rethrowFailure();
    }

    /** Waits at most {@code timeout}; true when the query ended (its failure is rethrown). */
    public boolean awaitTermination(Duration timeout) {
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (thread.isAlive()) {
            return false;
        }
        rethrowFailure();
        return true;
    }

    private void rethrowFailure() {
        Throwable failure = execution.failure();
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        } else if (failure instanceof Error error) {
            throw error;
        }
    }

    /**
     * Sluice's figures (files, bytes, malformed records so far) of the batch running now, by source node in plan
     * order; empty between batches and for sources without figures. Any thread.
     */
    public java.util.Map<String, QueryProgress.SourceInput> runningInput() {
        return execution.runningInput();
    }

    /** What the query is doing now, as Spark's {@code StreamingQuery.status()}. */
    public QueryStatus status() {
        return execution.status();
    }

    /** Holds the loop before its next batch; a batch in progress finishes first. */
    public void pause() {
        execution.setPaused(true);
    }

    public void resume() {
        execution.setPaused(false);
    }

    public boolean isPaused() {
        return execution.isPaused();
    }

    /** Runs exactly one more micro-batch while paused (or under the manual trigger), as soon as data is there. */
    public void step() {
        execution.requestStep();
    }

    /** The id of the last batch that committed, or -1. */
    public long lastBatchId() {
        return execution.lastBatchId();
    }
}
