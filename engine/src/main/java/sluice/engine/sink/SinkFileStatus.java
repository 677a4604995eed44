package sluice.engine.sink;

import static java.util.Objects.requireNonNull;

/**
 * One line of Spark's file sink log ({@code SinkFileStatus}): a file the sink committed. The fields and their order
 * are Spark's, so the JSON form reads both ways. {@code path} is a URI such as
 * {@code file:/out/part-00000-<uuid>-c000.csv}.
 */
public record SinkFileStatus(String path, long size, boolean isDir, long modificationTime, int blockReplication,
                             long blockSize, String action) {
    public static final String ADD = "add";
    public static final String DELETE = "delete";
    // What Hadoop's local file system reports for every file, and so what Spark writes for a local folder.
    static final int LOCAL_REPLICATION = 1;
    static final long LOCAL_BLOCK_SIZE = 33_554_432L;

    public SinkFileStatus {
        requireNonNull(path, "path is null");
        requireNonNull(action, "action is null");
    }

    /** An {@code add} entry for a local file, as Spark writes it. */
    static SinkFileStatus added(String uri, long size, long modificationTime) {
        return new SinkFileStatus(uri, size, false, modificationTime, LOCAL_REPLICATION, LOCAL_BLOCK_SIZE, ADD);
    }
}
