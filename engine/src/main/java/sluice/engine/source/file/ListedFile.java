package sluice.engine.source.file;

import static java.util.Objects.requireNonNull;

/**
 * A file found by listing the folder: its URI text ({@code file:///…}, Spark's form), modification time in ms and
 * length in bytes (what {@code maxBytesPerTrigger} counts).
 */
public record ListedFile(String path, long timestamp, long size) {
    public ListedFile {
        requireNonNull(path, "path is null");
    }
}
