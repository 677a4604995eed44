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
    private final Map<String, Long> timestamps = new HashMap<>();
    private long latestTimestamp;
    private long lastPurgeTimestamp;

    SeenFiles(long maxAgeMs, boolean fileNameOnly) {
        this.maxAgeMs = maxAgeMs;
        this.fileNameOnly = fileNameOnly;
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
    }

    boolean isNewFile(String path, long timestamp) {
        return timestamp >= lastPurgeTimestamp && !timestamps.containsKey(key(path));
    }

    /** Forgets files older than the age limit, measured from the newest file seen (not the clock), as Spark. */
    void purge() {
        long threshold = maxAgeMs == Long.MAX_VALUE ? Long.MIN_VALUE : latestTimestamp - maxAgeMs;
        lastPurgeTimestamp = Math.max(lastPurgeTimestamp, threshold);
        timestamps.values().removeIf(timestamp -> timestamp < lastPurgeTimestamp);
    }

    int size() {
        return timestamps.size();
    }
}
