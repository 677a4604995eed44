package sluice.engine.source.file;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import sluice.engine.checkpoint.CompactibleLog;
import sluice.engine.checkpoint.LogOwner;
import sluice.engine.diag.ErrorCode;
import sluice.engine.json.JsonValues;

/**
 * Mutable, owned by the query thread: which files belong to which log batch, as Spark's {@code FileStreamSourceLog}.
 * With a metadata folder the batches are a {@link CompactibleLog} there, in Spark's layout and file contents
 * ({@code {"path":"file:///…","timestamp":…,"batchId":N}} lines, every tenth batch compacted into {@code N.compact}),
 * so Spark resumes from a folder Sluice wrote and the other way round. Without a folder the log lives in memory only.
 */
final class FileSourceLog {
    private static final CompactibleLog.Codec<FileEntry> CODEC = new CompactibleLog.Codec<>() {
        @Override
        public String toJson(FileEntry entry) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("path", entry.path());
            json.put("timestamp", entry.timestamp());
            json.put("batchId", entry.batchId());
            return JsonValues.write(json, false);
        }

        @Override
        public FileEntry fromJson(Map<String, Object> json) {
            if (!(json.get("path") instanceof String path) || !(json.get("timestamp") instanceof Long timestamp)
                    || !(json.get("batchId") instanceof Long batchId)) {
                throw new IllegalArgumentException("is not a file entry (path, timestamp, batchId)");
            }
            return new FileEntry(path, timestamp, batchId);
        }

        @Override
        public FileEntry fromLine(byte[] bytes, int start, int end) {
            return FileEntryLine.parse(bytes, start, end);
        }
    };

    private final CompactibleLog<FileEntry> files;
    private final TreeMap<Long, List<FileEntry>> batches = new TreeMap<>();

    private FileSourceLog(CompactibleLog<FileEntry> files) {
        this.files = files;
    }

    /** The log in {@code folder} (null: in memory), with every batch already written there. */
    static FileSourceLog open(String nodeId, Path folder) {
        FileSourceLog log = new FileSourceLog(folder == null ? null
                : new CompactibleLog<>(folder, CODEC, LogOwner.node(nodeId, ErrorCode.CHECKPOINT_FAILED)));
        if (folder != null) {
            // A compaction file holds the entries of every earlier batch: each entry says which batch it belongs to.
            // Entries come batch by batch: a map look-up per run of one batch, not per entry.
            List<FileEntry> current = null;
            long currentId = 0;
            for (FileEntry entry : log.files.allEntries()) {
                if (current == null || entry.batchId() != currentId) {
                    currentId = entry.batchId();
                    current = log.batches.computeIfAbsent(currentId, id -> new ArrayList<>());
                }
                current.add(entry);
            }
            log.batches.replaceAll((id, entries) -> List.copyOf(entries));
        }
        return log;
    }

    /** The newest batch number, or -1 when the log is empty. */
    long latestBatchId() {
        return batches.isEmpty() ? -1 : batches.lastKey();
    }

    /** Every file of every batch, oldest batch first. */
    List<FileEntry> allFiles() {
        List<FileEntry> all = new ArrayList<>();
        batches.values().forEach(all::addAll);
        return all;
    }

    /** The files of batch {@code batchId}, or empty when the log does not hold it. */
    Optional<List<FileEntry>> get(long batchId) {
        return Optional.ofNullable(batches.get(batchId));
    }

    /** Where the log is kept, for messages; "memory" without a folder. */
    String location() {
        return files == null ? "memory" : "'" + files.dir() + "'";
    }

    /**
     * Records a new batch; as Spark, a batch already in the log is kept as it is. Paths are logged as listed,
     * {@code file:///…}, the form Spark 4.1 logs for a local folder: Spark tells seen files from new ones by this
     * text, so any other form would make it read every logged file again.
     */
    void add(long batchId, List<FileEntry> entries) {
        if (batches.containsKey(batchId)) {
            return;
        }
        List<FileEntry> logged = List.copyOf(entries);
        if (files != null) {
            files.add(batchId, logged);
        }
        batches.put(batchId, logged);
    }
}
