package sluice.engine.checkpoint;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import sluice.engine.json.JsonValues;

/**
 * A query's checkpoint folder in Spark's layout. Owned by the query thread. The micro-batch loop writes
 * {@code offsets/N} before batch N runs and {@code commits/N} after its sinks finish; on restart it resumes after
 * the last committed batch, re-running an uncommitted one with the offsets logged for it. Every file is read with
 * Spark's checks (log version, format); a damaged one is a problem naming it, never a silent fallback.
 */
public final class Checkpoint {
    private static final LogOwner OWNER = LogOwner.CHECKPOINT;

    private final Path root;
    private final LogFiles offsets;
    private final LogFiles commits;
    private Map<String, String> resumedConf = Map.of();

    private Checkpoint(Path root) {
        this.root = root;
        this.offsets = new LogFiles(root.resolve("offsets"), OWNER);
        this.commits = new LogFiles(root.resolve("commits"), OWNER);
    }

    /** Opens (creating if needed) the folder; an unusable folder is a user error naming it. */
    public static Checkpoint open(Path root) {
        requireNonNull(root, "root is null");
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw OWNER.fail("cannot create checkpoint folder '%s': %s", root, IoReason.of(e));
        }
        return new Checkpoint(root);
    }

    public Path root() {
        return root;
    }

    /** The query id kept in {@code metadata}, made and written on first use, as Spark keeps it across restarts. */
    public UUID queryId() {
        Path metadata = root.resolve("metadata");
        if (!Files.exists(metadata)) {
            UUID id = UUID.randomUUID();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", id.toString());
            AtomicFile.write(metadata, JsonValues.write(json, false), OWNER);
            return id;
        }
        String text;
        try {
            text = Files.readString(metadata, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw OWNER.fail("cannot read file '%s': %s", metadata, IoReason.of(e));
        }
        Map<String, Object> json = null;
        try {
            json = JsonValues.object(JsonValues.parse(text));
        } catch (JsonProcessingException e) {
            // Reported below, the same way as JSON without an id.
        }
        if (json == null || !(json.get("id") instanceof String id)) {
            throw OWNER.fail("file '%s' is damaged: it holds no query id", metadata);
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw OWNER.fail("file '%s' is damaged: '%s' is not a query id (a UUID)", metadata,
                    LogVersion.abbreviated(id));
        }
    }

    /** The folder where source number {@code index} keeps its own log. */
    public Path sourceDir(int index) {
        return root.resolve("sources").resolve(Integer.toString(index));
    }

    public Path offsetsFile(long batchId) {
        return offsets.file(batchId);
    }

    public Path commitFile(long batchId) {
        return commits.file(batchId);
    }

    /**
     * Logs batch {@code batchId}'s offsets. An entry without settings gets those the query resumed with, as Spark
     * carries the settings of the checkpoint's latest entry into every later one.
     */
    public void writeOffsets(long batchId, OffsetEntry entry) {
        OffsetEntry written = entry.conf().isEmpty() ? entry.withConf(resumedConf) : entry;
        if (!offsets.write(batchId, written.serialize())) {
            throw concurrentUpdate(offsets.file(batchId));
        }
    }

    public void writeCommit(long batchId, long nextWatermarkMs) {
        if (!commits.write(batchId, new CommitEntry(nextWatermarkMs).serialize())) {
            throw concurrentUpdate(commits.file(batchId));
        }
    }

    // Spark fails the same way (CONCURRENT_STREAM_LOG_UPDATE): the entry can only be there if another query wrote it.
    private static RuntimeException concurrentUpdate(Path file) {
        return OWNER.fail("file '%s' exists already: another query is running on the same checkpoint folder; "
                + "run one query per checkpoint folder", file);
    }

    public OptionalLong latestOffsetsBatch() {
        return offsets.latestId();
    }

    public OptionalLong latestCommittedBatch() {
        return commits.latestId();
    }

    public Optional<OffsetEntry> offsets(long batchId) {
        return offsets.read(batchId).map(text -> OffsetEntry.parse(text, offsets.file(batchId), OWNER));
    }

    public Optional<CommitEntry> commit(long batchId) {
        return commits.read(batchId).map(text -> CommitEntry.parse(text, commits.file(batchId), OWNER));
    }

    /** The settings of the entry the query resumed from (none for a new checkpoint). */
    public Map<String, String> resumedConf() {
        return resumedConf;
    }

    /** The query resumes from {@code latest}: its settings go into the entries written from now on. */
    public void resumeFrom(OffsetEntry latest) {
        resumedConf = latest.conf();
    }
}
