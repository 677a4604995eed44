package sluice.engine.source.file;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Mutable, owned by the query thread: the files already taken into a batch, as Spark's {@code SeenFilesMap}. Files
 * older than {@code maxAgeMs} before the newest seen file are forgotten, and a file older than the last purge point
 * is never new again (so the map does not grow forever).
 */
final class SeenFiles {
    private final long maxAgeMs;
    private final boolean fileNameOnly;
    private final Map<String, Long> timestamps;
    private long latestTimestamp;
    private long lastPurgeTimestamp;
    /** No file kept is older: a purge below it has nothing to remove, and need not look at every file. */
    private long oldestTimestamp = Long.MAX_VALUE;

    /** Sized for {@code expected} files: a restart puts every logged file in at once. */
    SeenFiles(long maxAgeMs, boolean fileNameOnly, int expected) {
        this.maxAgeMs = maxAgeMs;
        this.fileNameOnly = fileNameOnly;
        this.timestamps = new HashMap<>(Math.max(16, (int) Math.min(1 << 30, expected * 4L / 3 + 1)));
    }

    private String key(String path) {
        if (!fileNameOnly) {
            return path;
        }
        Path name = Path.of(URI.create(path).getPath()).getFileName();
        return name == null ? path : name.toString();
    }

    void add(String path, long timestamp) {
        timestamps.put(key(path), timestamp);
        latestTimestamp = Math.max(latestTimestamp, timestamp);
        oldestTimestamp = Math.min(oldestTimestamp, timestamp);
    }

    /** Whether {@code path} is among the files kept: never new again, whatever its time now. */
    boolean isSeen(String path) {
        return timestamps.containsKey(key(path));
    }

    boolean isNewFile(String path, long timestamp) {
        return timestamp >= lastPurgeTimestamp && !timestamps.containsKey(key(path));
    }

    /** Forgets files older than the age limit, measured from the newest file seen (not the clock), as Spark. */
    void purge() {
        long threshold = maxAgeMs == Long.MAX_VALUE ? Long.MIN_VALUE : latestTimestamp - maxAgeMs;
        lastPurgeTimestamp = Math.max(lastPurgeTimestamp, threshold);
        if (oldestTimestamp < lastPurgeTimestamp) {
            timestamps.values().removeIf(timestamp -> timestamp < lastPurgeTimestamp);
            oldestTimestamp = timestamps.values().stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
        }
    }

    int size() {
        return timestamps.size();
    }
}
