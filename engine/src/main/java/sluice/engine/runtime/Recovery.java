package sluice.engine.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.IntFunction;
import sluice.engine.checkpoint.Checkpoint;
import sluice.engine.checkpoint.OffsetEntry;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.source.Source;

/**
 * Finds where a restarted query resumes, as Spark's {@code MicroBatchExecution.populateStartOffsets}: after the
 * last committed batch; when the last logged batch has no commit, it is run again with its logged offsets.
 */
final class Recovery {
    private static final System.Logger LOG = System.getLogger(Recovery.class.getName());
    private final Checkpoint checkpoint;
    private final int sourceCount;

    Recovery(Checkpoint checkpoint, IntFunction<Source> sources, int sourceCount) {
        this.checkpoint = checkpoint;
        this.sourceCount = sourceCount;
    }

    void recover(MicroBatchExecution execution) {
        OptionalLong latestLogged = checkpoint.latestOffsetsBatch();
        if (latestLogged.isEmpty()) {
            return;
        }
        long latest = latestLogged.getAsLong();
        OptionalLong latestCommitted = checkpoint.latestCommittedBatch();
        boolean committed = latestCommitted.isPresent() && latestCommitted.getAsLong() >= latest;
        long lastDone = committed ? latest : latest - 1;
        List<String> offsets = lastDone < 0 ? nulls() : checkpoint.offsets(lastDone).map(this::check)
                .map(OffsetEntry::offsets).orElseGet(this::nulls);
        checkpoint.offsets(latest).ifPresent(this::check);
        LOG.log(System.Logger.Level.INFO, "recovered at batch {0}{1}", lastDone + 1,
                committed ? "" : " (re-running it: it never committed)");
        execution.resumeAt(lastDone + 1, offsets);
    }

    private OffsetEntry check(OffsetEntry entry) {
        if (entry.offsets().size() != sourceCount) {
            throw Problem.of(ErrorCode.CHECKPOINT_FAILED, Position.option(null, "checkpointLocation"),
                    "the checkpoint in '%s' belongs to a pipeline with %d sources, but this one has %d; "
                            + "use a new checkpoint folder", checkpoint.root(), entry.offsets().size(), sourceCount)
                    .toException();
        }
        return entry;
    }

    private List<String> nulls() {
        return new ArrayList<>(Collections.nCopies(sourceCount, null));
    }
}
