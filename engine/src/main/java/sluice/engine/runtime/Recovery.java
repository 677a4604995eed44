package sluice.engine.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import sluice.engine.checkpoint.Checkpoint;
import sluice.engine.checkpoint.LogOwner;
import sluice.engine.checkpoint.OffsetEntry;
import sluice.engine.plan.PlannedNode;
import sluice.engine.plan.QueryPlan;
import sluice.engine.source.Source;

/**
 * Finds where a started query resumes, as Spark's {@code MicroBatchExecution.populateStartOffsets}: after the last
 * committed batch; when the last logged batch has no commit, it is run again with its logged offsets. The checkpoint
 * is checked as Spark checks it before anything runs (the two latest offsets entries, the latest commit, each
 * source's own log for the batch it resumes from), plus what Spark only warns about or never notices but which would
 * lose or repeat rows: commits missing before the latest offsets, and a sink's own log that disagrees with the
 * commit log. Every finding is one problem naming the file. Runs once, on the query thread, before the first batch.
 */
final class Recovery {
    private static final System.Logger LOG = System.getLogger(Recovery.class.getName());
    private static final LogOwner CHECKPOINT = LogOwner.CHECKPOINT;

    private final Checkpoint checkpoint;
    private final List<QueryPlan.Step> sources;
    private final List<QueryPlan.Step> sinks;

    /** {@code checkpoint} is null for a query without one: it starts at batch 0, and only the sinks are checked. */
    Recovery(Checkpoint checkpoint, List<QueryPlan.Step> sources, List<QueryPlan.Step> sinks) {
        this.checkpoint = checkpoint;
        this.sources = sources;
        this.sinks = sinks;
    }

    void recover(MicroBatchExecution execution) {
        long lastCommitted = -1;
        boolean rerun = false;
        OptionalLong latestLogged = checkpoint == null ? OptionalLong.empty() : checkpoint.latestOffsetsBatch();
        if (latestLogged.isPresent()) {
            long latest = latestLogged.getAsLong();
            OffsetEntry entry = check(checkpoint.offsets(latest).orElseThrow(() -> CHECKPOINT.fail(
                    "cannot read file '%s': it vanished while the query started", checkpoint.offsetsFile(latest))));
            OffsetEntry previous = latest == 0 ? null : check(checkpoint.offsets(latest - 1).orElseThrow(
                    () -> CHECKPOINT.fail("the offsets log is damaged: it has batch %d ('%s') but not batch %d before "
                            + "it, which resuming needs", latest, checkpoint.offsetsFile(latest), latest - 1)));
            List<String> starts = previous == null ? nulls() : previous.offsets();
            lastCommitted = checkCommits(latest);
            rerun = lastCommitted < latest;
            checkSources(latest, starts, entry.offsets());
            checkpoint.resumeFrom(entry);
            LOG.log(System.Logger.Level.INFO, "recovered at batch {0}{1}", lastCommitted + 1,
                    rerun ? " (re-running it: it never committed)" : "");
            execution.resumeAt(lastCommitted + 1, rerun ? starts : entry.offsets());
            long previousWatermarkMs = previous == null ? 0 : previous.batchWatermarkMs();
            execution.resumeWatermark(entry.batchWatermarkMs(),
                    rerun ? previousWatermarkMs : entry.batchWatermarkMs());
        } else if (checkpoint != null) {
            checkpoint.latestCommittedBatch().ifPresent(commit -> {
                throw CHECKPOINT.fail("the commit log is damaged: '%s' commits batch %d, but the offsets log '%s' is "
                        + "empty", checkpoint.commitFile(commit), commit, checkpoint.offsetsFile(0).getParent());
            });
        }
        checkSinks(lastCommitted, rerun);
    }

    /** The last committed batch, which must be the latest logged batch or the one before it. */
    private long checkCommits(long latest) {
        OptionalLong latestCommit = checkpoint.latestCommittedBatch();
        long committed = latestCommit.orElse(-1);
        if (committed >= 0) {
            // Read for its checks (log version, format), as Spark reads the latest commit when it restarts.
            checkpoint.commit(committed);
        }
        if (committed > latest) {
            throw CHECKPOINT.fail("the commit log is damaged: '%s' commits batch %d, but the offsets log ends at "
                    + "batch %d ('%s')", checkpoint.commitFile(committed), committed, latest,
                    checkpoint.offsetsFile(latest));
        }
        if (committed < latest - 1) {
            // Spark only warns and runs the latest batch, so batches in between are lost or, if their commit files
            // were deleted after they ran, repeated; which one is unknowable, so the query does not start.
            String last = committed < 0 ? "the commit log '" + checkpoint.commitFile(0).getParent() + "' is empty"
                    : "the last commit is batch " + committed + " ('" + checkpoint.commitFile(committed) + "')";
            throw CHECKPOINT.fail("the commit log is damaged: the offsets log ends at batch %d, but %s; batches %d "
                    + "to %d have offsets but no commit", latest, last, committed + 1, latest - 1);
        }
        return committed;
    }

    /**
     * Each source checks the range of the batch the query resumes from against its own log, as Spark's restart asks
     * every source for that batch again: an offset its log does not have would be read as no rows.
     */
    private void checkSources(long batchId, List<String> starts, List<String> ends) {
        Path file = checkpoint.offsetsFile(batchId);
        for (int i = 0; i < sources.size(); i++) {
            String end = ends.get(i);
            if (end == null) {
                continue;
            }
            QueryPlan.Step step = sources.get(i);
            Source source = ((PlannedNode.SourceNode) step.node()).source();
            int index = i;
            Optional<String> wrong = BatchRunner.inNode(step.nodeId(),
                    () -> source.checkLoggedRange(starts.get(index), end));
            if (wrong.isPresent()) {
                throw CHECKPOINT.fail("file '%s' does not match source '%s': %s", file, step.nodeId(), wrong.get());
            }
        }
    }

    /** Sinks with a commit log of their own (the file sink's _spark_metadata) check it against the query's. */
    private void checkSinks(long lastCommitted, boolean rerun) {
        for (QueryPlan.Step step : sinks) {
            PlannedNode.SinkNode sink = (PlannedNode.SinkNode) step.node();
            BatchRunner.inNode(step.nodeId(), () -> {
                sink.sink().checkResume(lastCommitted, rerun);
                return sink;
            });
        }
    }

    private OffsetEntry check(OffsetEntry entry) {
        if (entry.offsets().size() != sources.size()) {
            throw CHECKPOINT.fail("the checkpoint in '%s' belongs to a pipeline with %d sources, but this one has %d; "
                    + "use a new checkpoint folder", checkpoint.root(), entry.offsets().size(), sources.size());
        }
        return entry;
    }

    private List<String> nulls() {
        return new ArrayList<>(Collections.nCopies(sources.size(), null));
    }
}
