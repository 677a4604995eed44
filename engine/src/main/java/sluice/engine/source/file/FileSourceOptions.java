package sluice.engine.source.file;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The options of the file source that decide which files go into which batch (Spark's {@code FileStreamOptions}):
 * {@code path} is a folder, a file or a glob (see {@link FileListing}).
 * {@code maxFilesPerTrigger} is 0 when not set; {@code pathGlobFilter} is null when not set.
 */
public record FileSourceOptions(Path path, int maxFilesPerTrigger, boolean latestFirst, boolean fileNameOnly,
                                Duration maxFileAge, String pathGlobFilter) {
    public static final Duration DEFAULT_MAX_FILE_AGE = Duration.ofDays(7);

    public FileSourceOptions {
        requireNonNull(path, "path is null");
        requireNonNull(maxFileAge, "maxFileAge is null");
        if (maxFilesPerTrigger < 0) {
            throw new IllegalArgumentException("maxFilesPerTrigger < 0");
        }
    }

    public static FileSourceOptions of(Path path) {
        return new FileSourceOptions(path, 0, false, false, DEFAULT_MAX_FILE_AGE, null);
    }

    public FileSourceOptions withMaxFilesPerTrigger(int files) {
        return new FileSourceOptions(path, files, latestFirst, fileNameOnly, maxFileAge, pathGlobFilter);
    }

    public FileSourceOptions withLatestFirst(boolean newestFirst) {
        return new FileSourceOptions(path, maxFilesPerTrigger, newestFirst, fileNameOnly, maxFileAge, pathGlobFilter);
    }

    public boolean hasMaxFilesPerTrigger() {
        return maxFilesPerTrigger > 0;
    }

    /**
     * The age limit the seen-file map uses. Spark ignores {@code maxFileAge} when {@code latestFirst} and
     * {@code maxFilesPerTrigger} are both set, since old files that still wait their turn would be dropped
     * (SPARK-19813).
     */
    long effectiveMaxFileAgeMs() {
        return latestFirst && hasMaxFilesPerTrigger() ? Long.MAX_VALUE : maxFileAge.toMillis();
    }
}
