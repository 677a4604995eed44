package sluice.engine.source.file;

import static java.util.Objects.requireNonNull;

/** A file found by listing the folder: its URI text ({@code file:///…}, Spark's form) and modification time in ms. */
public record ListedFile(String path, long timestamp) {
    public ListedFile {
        requireNonNull(path, "path is null");
    }
}
