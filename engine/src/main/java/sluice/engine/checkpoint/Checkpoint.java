package sluice.engine.checkpoint;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.json.JsonValues;

/**
 * A query's checkpoint folder in Spark's layout. Owned by the query thread. The micro-batch loop writes
 * {@code offsets/N} before batch N runs and {@code commits/N} after its sinks finish; on restart it resumes after
 * the last committed batch, re-running an uncommitted one with the offsets logged for it.
 */
public final class Checkpoint {
    private final Path root;
    private final LogFiles offsets;
    private final LogFiles commits;

    private Checkpoint(Path root) {
        this.root = root;
        this.offsets = new LogFiles(root.resolve("offsets"));
        this.commits = new LogFiles(root.resolve("commits"));
    }

    /** Opens (creating if needed) the folder; an unusable folder is a user error naming it. */
    public static Checkpoint open(Path root) {
        requireNonNull(root, "root is null");
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw Problem.of(ErrorCode.CHECKPOINT_FAILED, Position.option(null, "checkpointLocation"),
                    "cannot create checkpoint folder '%s': %s", root, e.getMessage()).toException();
        }
        return new Checkpoint(root);
    }

    public Path root() {
        return root;
    }

    /** The query id kept in {@code metadata}, made and written on first use, as Spark keeps it across restarts. */
    public UUID queryId() {
        Path metadata = root.resolve("metadata");
        try {
            if (Files.exists(metadata)) {
                Map<String, Object> json = JsonValues.object(JsonValues.parse(Files.readString(metadata)));
                return UUID.fromString(json == null ? "" : JsonValues.text(json, "id", ""));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw Problem.of(ErrorCode.CHECKPOINT_FAILED, Position.option(null, "checkpointLocation"),
                    "checkpoint metadata '%s' is unreadable: %s", metadata, e.getMessage()).toException();
        }
        UUID id = UUID.randomUUID();
        LogFiles.writeAtomically(metadata, JsonValues.write(Map.of("id", id.toString()), false));
        return id;
    }

    /** The folder where source number {@code index} keeps its own log. */
    public Path sourceDir(int index) {
        return root.resolve("sources").resolve(Integer.toString(index));
    }

    public void writeOffsets(long batchId, OffsetEntry entry) {
        offsets.write(batchId, entry.serialize());
    }

    public void writeCommit(long batchId, long nextWatermarkMs) {
        commits.write(batchId, "v1\n{\"nextBatchWatermarkMs\":" + nextWatermarkMs + "}");
    }

    public OptionalLong latestOffsetsBatch() {
        return offsets.latestId();
    }

    public OptionalLong latestCommittedBatch() {
        return commits.latestId();
    }

    public Optional<OffsetEntry> offsets(long batchId) {
        try {
            return offsets.read(batchId).map(OffsetEntry::parse);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw Problem.of(ErrorCode.CHECKPOINT_FAILED, Position.option(null, "checkpointLocation"),
                    "offsets log entry %d in '%s' is unreadable: %s", batchId, root, e.getMessage()).toException();
        }
    }
}
