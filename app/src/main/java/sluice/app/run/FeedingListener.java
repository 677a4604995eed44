package sluice.app.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import sluice.engine.diag.SluiceException;
import sluice.engine.operator.StateRows;
import sluice.engine.runtime.BatchSnapshot;
import sluice.engine.runtime.InternalFailure;
import sluice.engine.runtime.QueryListener;
import sluice.engine.runtime.QueryProgress;
import sluice.engine.runtime.StreamingQuery;
import sluice.engine.types.PartitionedBatch;

/**
 * Turns a query's events into feed events, on the query thread: bounded copies only, never a wait. Events of a query
 * that is no longer the session's current run (stopped for another run, or another pipeline was opened) are
 * dropped, so they never show up in the views of the next one.
 */
final class FeedingListener implements QueryListener {
    /** Rows kept per node and batch: enough for a table page and a chart, bounded whatever the stream does. */
    static final int MAX_ROWS = 2_000;
    private final BatchFeed feed;
    private final IntSupplier currentRun;
    private final int run;
    /** The state copied after the batch whose data comes next; query thread only. */
    private Map<String, BatchSnapshot> states = Map.of();

    /** Feeds the events of run number {@code run} while {@code currentRun} still says it is the current one. */
    FeedingListener(BatchFeed feed, IntSupplier currentRun, int run) {
        this.feed = feed;
        this.currentRun = currentRun;
        this.run = run;
    }

    private void offer(FeedEvent event) {
        if (currentRun.getAsInt() == run) {
            feed.offer(event);
        }
    }

    @Override
    public boolean wantsBatchData() {
        return true;
    }

    @Override
    public int stateRowLimit() {
        return MAX_ROWS;
    }

    /** Kept until the batch's data comes, which the runner hands over next, to travel in the same feed event. */
    @Override
    public void onState(long batchId, Map<String, StateRows> copies) {
        Map<String, BatchSnapshot> snapshots = new LinkedHashMap<>();
        copies.forEach((id, state) -> snapshots.put(id, BatchSnapshot.ofState(batchId, id, state, MAX_ROWS)));
        states = snapshots;
    }

    @Override
    public void onBatchData(long batchId, Map<String, PartitionedBatch> outputs) {
        Map<String, BatchSnapshot> nodes = new LinkedHashMap<>();
        outputs.forEach((id, data) -> nodes.put(id, BatchSnapshot.of(batchId, id, data, MAX_ROWS)));
        offer(new FeedEvent.BatchEvent(batchId, nodes, states));
        states = Map.of();
    }

    @Override
    public void onProgress(QueryProgress progress) {
        offer(new FeedEvent.ProgressEvent(progress));
    }

    @Override
    public void onTerminated(StreamingQuery query, Throwable failure) {
        offer(new FeedEvent.EndEvent(message(failure)));
    }

    /** One line for the user, never a stack trace; null for a normal end. */
    static String message(Throwable failure) {
        if (failure == null) {
            return null;
        } else if (failure instanceof SluiceException user) {
            return user.problem().render();
        } else if (failure instanceof InternalFailure bug) {
            return "Internal error in node " + bug.nodeId() + "; details in the log";
        }
        return "Internal error; details in the log";
    }
}
