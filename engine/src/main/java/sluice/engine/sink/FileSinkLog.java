package sluice.engine.sink;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import sluice.engine.checkpoint.CompactibleLog;
import sluice.engine.checkpoint.LogOwner;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.json.JsonValues;

/**
 * Spark's file sink log, {@code <output>/_spark_metadata}: a {@link CompactibleLog} with one file per committed batch
 * named by its batch id, holding {@code v1} and one {@link SinkFileStatus} JSON line per file; every 10th batch
 * ({@code 9}, {@code 19}, ...) is written as {@code <id>.compact} holding every file committed so far. The same layout
 * as Spark's, so Spark reads what Sluice commits and the other way round. Not thread-safe: one writer (the sink's
 * query thread); readers only list and read.
 */
public final class FileSinkLog {
    public static final String METADATA_DIR = "_spark_metadata";
    private static final CompactibleLog.Codec<SinkFileStatus> CODEC = new CompactibleLog.Codec<>() {
        @Override
        public String toJson(SinkFileStatus entry) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("path", entry.path());
            json.put("size", entry.size());
            json.put("isDir", entry.isDir());
            json.put("modificationTime", entry.modificationTime());
            json.put("blockReplication", entry.blockReplication());
            json.put("blockSize", entry.blockSize());
            json.put("action", entry.action());
            return JsonValues.write(json, false);
        }

        @Override
        public SinkFileStatus fromJson(Map<String, Object> json) {
            if (!(json.get("path") instanceof String path)) {
                throw new IllegalArgumentException("is not a file status (it has no 'path')");
            }
            return new SinkFileStatus(path, JsonValues.number(json, "size", 0), Boolean.TRUE.equals(json.get("isDir")),
                    JsonValues.number(json, "modificationTime", 0),
                    (int) JsonValues.number(json, "blockReplication", 0),
                    JsonValues.number(json, "blockSize", 0), JsonValues.text(json, "action", SinkFileStatus.ADD));
        }
    };

    private final Path outputDir;
    private final LogOwner owner;
    private final CompactibleLog<SinkFileStatus> log;

    /** The log of {@code outputDir}, its problems reported against {@code owner}. */
    public FileSinkLog(Path outputDir, LogOwner owner) {
        this.outputDir = requireNonNull(outputDir, "outputDir is null");
        this.owner = requireNonNull(owner, "owner is null");
        this.log = new CompactibleLog<>(outputDir.resolve(METADATA_DIR), CODEC, owner);
    }

    /** The log of {@code outputDir} read outside a query (problems name no node). */
    public FileSinkLog(Path outputDir) {
        this(outputDir, new LogOwner(ErrorCode.SINK_FAILED, Position.NOWHERE));
    }

    /** Whether {@code dir} holds a file sink log, in which case only its committed files are data (Spark's rule). */
    public static boolean hasMetadata(Path dir) {
        return Files.isDirectory(dir.resolve(METADATA_DIR));
    }

    /** The data files a file sink committed into {@code dir}, in commit order; orphans of failed batches left out. */
    public static List<Path> committedFiles(Path dir) {
        List<Path> files = new ArrayList<>();
        for (SinkFileStatus status : new FileSinkLog(dir).allFiles()) {
            // Decoded by hand: Hadoop leaves characters beyond ASCII raw in a URI, which Path.of(URI) refuses.
            files.add(Path.of(URI.create(status.path()).getPath()));
        }
        return files;
    }

    /** The highest committed batch id, or empty when nothing was committed. */
    public OptionalLong latestBatchId() {
        return log.latestId();
    }

    /**
     * Every file committed and not deleted, as Spark's {@code allFiles}: the latest compact file plus the batches
     * after it. A damaged log (a bad version line, a line that is not a file status, a missing batch) is a problem.
     */
    public List<SinkFileStatus> allFiles() {
        return withoutDeleted(log.allEntries());
    }

    /**
     * Commits a batch: writes its entries under a temporary name and renames it into place, so a reader sees the whole
     * batch or none of it. A compaction batch also carries every entry before it, as Spark's does.
     *
     * @return false when the batch was already committed (by an earlier run of the same batch)
     */
    public boolean add(long batchId, List<SinkFileStatus> files) {
        return log.add(batchId, files);
    }

    /**
     * Checks the log before a query's first batch: the whole log is read, so a damaged one stops the query before it
     * writes anything, and it must hold exactly the batches the query's checkpoint committed ({@code lastCommitted},
     * -1 for none) plus, when the query re-runs the next batch, possibly that one (committed here before a crash).
     * Spark checks neither: its sink skips every batch the log already has, and readers fail on a log with a gap.
     */
    public void checkResume(long lastCommitted, boolean rerun) {
        allFiles();
        long latest = latestBatchId().orElse(-1);
        long newestExpected = rerun ? lastCommitted + 1 : lastCommitted;
        if (latest > newestExpected) {
            String query = lastCommitted < 0 ? "this query starts at batch 0"
                    : "this query's checkpoint has committed batches up to " + lastCommitted;
            throw owner.fail("output folder '%s' already holds batch %d (in '%s'), but %s; the folder belongs to "
                    + "another query or checkpoint: write to a new output folder, or use the checkpoint that wrote it",
                    outputDir, latest, METADATA_DIR, query);
        }
        if (latest < lastCommitted) {
            String holds = latest < 0 ? "holds no batch" : "holds batches only up to " + latest;
            throw owner.fail("output folder '%s' %s (in '%s'), but the checkpoint has committed batches up to %d; the "
                    + "output of the others is missing: use a new checkpoint folder and an empty output folder",
                    outputDir, holds, METADATA_DIR, lastCommitted);
        }
    }

    private static List<SinkFileStatus> withoutDeleted(List<SinkFileStatus> entries) {
        Set<String> deleted = new LinkedHashSet<>();
        for (SinkFileStatus entry : entries) {
            if (SinkFileStatus.DELETE.equals(entry.action())) {
                deleted.add(entry.path());
            }
        }
        List<SinkFileStatus> kept = new ArrayList<>();
        for (SinkFileStatus entry : entries) {
            if (!deleted.contains(entry.path())) {
                kept.add(entry);
            }
        }
        return kept;
    }
}
