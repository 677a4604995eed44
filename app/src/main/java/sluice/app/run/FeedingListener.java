package sluice.app.run;

import java.util.LinkedHashMap;
import java.util.Map;
import sluice.engine.diag.SluiceException;
import sluice.engine.runtime.BatchSnapshot;
import sluice.engine.runtime.InternalFailure;
import sluice.engine.runtime.QueryListener;
import sluice.engine.runtime.QueryProgress;
import sluice.engine.runtime.StreamingQuery;
import sluice.engine.types.PartitionedBatch;

/** Turns a query's events into feed events, on the query thread: bounded copies only, never a wait. */
final class FeedingListener implements QueryListener {
    /** Rows kept per node and batch: enough for a table page and a chart, bounded whatever the stream does. */
    static final int MAX_ROWS = 2_000;
    private final BatchFeed feed;

    FeedingListener(BatchFeed feed) {
        this.feed = feed;
    }

    @Override
    public boolean wantsBatchData() {
        return true;
    }

    @Override
    public void onBatchData(long batchId, Map<String, PartitionedBatch> outputs) {
        Map<String, BatchSnapshot> nodes = new LinkedHashMap<>();
        outputs.forEach((id, data) -> nodes.put(id, BatchSnapshot.of(batchId, id, data, MAX_ROWS)));
        feed.offer(new FeedEvent.BatchEvent(batchId, nodes));
    }

    @Override
    public void onProgress(QueryProgress progress) {
        feed.offer(new FeedEvent.ProgressEvent(progress));
    }

    @Override
    public void onTerminated(StreamingQuery query, Throwable failure) {
        feed.offer(new FeedEvent.EndEvent(message(failure)));
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
