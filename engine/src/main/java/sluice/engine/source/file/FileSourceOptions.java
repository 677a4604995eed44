package sluice.engine.source.file;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The options of the file source that decide which files go into which batch (Spark's {@code FileStreamOptions}):
 * {@code path} is a folder, a file or a glob (see {@link FileListing}).
 * {@code maxFilesPerTrigger} and {@code maxBytesPerTrigger} are 0 when not set (Spark refuses both at once);
 * {@code pathGlobFilter} is null when not set; {@code modified} holds {@code modifiedBefore} and
 * {@code modifiedAfter}; {@code cleaner} is {@code cleanSource} with its {@code sourceArchiveDir}.
 */
public record FileSourceOptions(Path path, int maxFilesPerTrigger, long maxBytesPerTrigger, boolean latestFirst,
                                boolean fileNameOnly, Duration maxFileAge, String pathGlobFilter,
                                ModifiedTimeFilter modified, SourceCleaner cleaner) {
    public static final Duration DEFAULT_MAX_FILE_AGE = Duration.ofDays(7);

    public FileSourceOptions {
        requireNonNull(path, "path is null");
        requireNonNull(maxFileAge, "maxFileAge is null");
        requireNonNull(modified, "modified is null");
        requireNonNull(cleaner, "cleaner is null");
        if (maxFilesPerTrigger < 0 || maxBytesPerTrigger < 0) {
            throw new IllegalArgumentException("maxFilesPerTrigger < 0 or maxBytesPerTrigger < 0");
        }
    }

    /** Without a byte limit or a modification-time filter. */
    public FileSourceOptions(Path path, int maxFilesPerTrigger, boolean latestFirst, boolean fileNameOnly,
                             Duration maxFileAge, String pathGlobFilter) {
        this(path, maxFilesPerTrigger, 0, latestFirst, fileNameOnly, maxFileAge, pathGlobFilter,
                ModifiedTimeFilter.NONE, SourceCleaner.OFF);
    }

    public static FileSourceOptions of(Path path) {
        return new FileSourceOptions(path, 0, false, false, DEFAULT_MAX_FILE_AGE, null);
    }

    public FileSourceOptions withMaxFilesPerTrigger(int files) {
        return new FileSourceOptions(path, files, maxBytesPerTrigger, latestFirst, fileNameOnly, maxFileAge,
                pathGlobFilter, modified, cleaner);
    }

    public FileSourceOptions withMaxBytesPerTrigger(long bytes) {
        return new FileSourceOptions(path, maxFilesPerTrigger, bytes, latestFirst, fileNameOnly, maxFileAge,
                pathGlobFilter, modified, cleaner);
    }

    public FileSourceOptions withLatestFirst(boolean newestFirst) {
        return new FileSourceOptions(path, maxFilesPerTrigger, maxBytesPerTrigger, newestFirst, fileNameOnly,
                maxFileAge, pathGlobFilter, modified, cleaner);
    }

    public FileSourceOptions withCleaner(SourceCleaner clean) {
        return new FileSourceOptions(path, maxFilesPerTrigger, maxBytesPerTrigger, latestFirst, fileNameOnly,
                maxFileAge, pathGlobFilter, modified, clean);
    }

    public boolean hasMaxFilesPerTrigger() {
        return maxFilesPerTrigger > 0;
    }

    public boolean hasMaxBytesPerTrigger() {
        return maxBytesPerTrigger > 0;
    }

    /**
     * The age limit the seen-file map uses. Spark ignores {@code maxFileAge} when {@code latestFirst} and a
     * per-trigger limit ({@code maxFilesPerTrigger} or {@code maxBytesPerTrigger}) are both set, since old files
     * that still wait their turn would be dropped (SPARK-19813).
     */
    long effectiveMaxFileAgeMs() {
        return latestFirst && (hasMaxFilesPerTrigger() || hasMaxBytesPerTrigger()) ? Long.MAX_VALUE
                : maxFileAge.toMillis();
    }
}
