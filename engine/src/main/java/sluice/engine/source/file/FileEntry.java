package sluice.engine.source.file;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;

/** One line of the file log, as Spark's {@code FileEntry}: a file, its modification time and its log batch. */
public record FileEntry(String path, long timestamp, long batchId) {
    public FileEntry {
        requireNonNull(path, "path is null");
    }

    public Path toPath() {
        return Path.of(URI.create(path).getPath());
    }

    /** The last part of the path, how messages name the file. */
    public String fileName() {
        Path name = toPath().getFileName();
        return name == null ? path : name.toString();
    }
}
