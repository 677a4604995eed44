package sluice.engine.source.file;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * A byte range of one file that one task reads, Spark's {@code PartitionedFile}: {@code length} bytes from
 * {@code start} of a file that was {@code fileLength} bytes long when the batch was planned. A line format reads the
 * lines that start in the range (see {@link LineBlocks}), Parquet the row groups whose middle lies in it, ORC the
 * stripes that start in it; a format that cannot be split reads whole files, in one split.
 */
public record FileSplit(Path file, long start, long length, long fileLength) {
    public FileSplit {
        requireNonNull(file, "file is null");
        if (start < 0 || length < 0 || fileLength < 0) {
            throw new IllegalArgumentException("negative split: " + start + "+" + length + " of " + fileLength);
        }
    }

    /** The whole file, as one split. */
    public static FileSplit whole(Path file, long fileLength) {
        return new FileSplit(file, 0, fileLength, fileLength);
    }

    public long end() {
        return start + length;
    }

    /** How messages name the file. */
    public String fileName() {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
