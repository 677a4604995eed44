package sluice.engine.source.file;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How the files of a micro-batch become partitions, as Spark's file scan plans them: a file that can be split is cut
 * into splits of at most {@link #maxSplitBytes} bytes, the splits are sorted largest first (stably, so equal sizes
 * keep the order of the file log) and packed in that order into partitions of about that many bytes ("next fit
 * decreasing"), each file costing {@code openCostInBytes} more than its size. Spark's settings
 * {@code spark.sql.files.maxPartitionBytes} (128 MB), {@code spark.sql.files.openCostInBytes} (4 MB) and
 * {@code spark.sql.files.minPartitionNum} (the default parallelism). Immutable.
 */
public record FilePartitioning(long maxPartitionBytes, long openCostInBytes, int minPartitionNum) {
    public static final long DEFAULT_MAX_PARTITION_BYTES = 128L * 1024 * 1024;
    public static final long DEFAULT_OPEN_COST_IN_BYTES = 4L * 1024 * 1024;

    public FilePartitioning {
        if (maxPartitionBytes < 1 || openCostInBytes < 0 || minPartitionNum < 1) {
            throw new IllegalArgumentException("bad file partitioning " + maxPartitionBytes + ", " + openCostInBytes
                    + ", " + minPartitionNum);
        }
    }

    /** Spark's defaults, for {@code parallelism} tasks at once. */
    public static FilePartitioning of(int parallelism) {
        return new FilePartitioning(DEFAULT_MAX_PARTITION_BYTES, DEFAULT_OPEN_COST_IN_BYTES, parallelism);
    }

    /** A file of the batch and its size now. */
    public record SizedFile(Path file, long size) {
    }

    /**
     * Spark's {@code FilePartition.maxSplitBytes}: the configured maximum, unless spreading all bytes (plus an open
     * cost per file) over {@code minPartitionNum} tasks gives smaller splits, but never below the open cost.
     */
    public long maxSplitBytes(List<SizedFile> files) {
        long totalBytes = 0;
        for (SizedFile file : files) {
            totalBytes += file.size() + openCostInBytes;
        }
        long bytesPerCore = totalBytes / minPartitionNum;
        return Math.min(maxPartitionBytes, Math.max(openCostInBytes, bytesPerCore));
    }

    /** The partitions of {@code files} (in file-log order); {@code splittable} says whether files may be cut. */
    public List<List<FileSplit>> partitions(List<SizedFile> files, boolean splittable) {
        long maxSplitBytes = maxSplitBytes(files);
        List<FileSplit> splits = new ArrayList<>();
        for (SizedFile file : files) {
            if (!splittable) {
                splits.add(FileSplit.whole(file.file(), file.size()));
                continue;
            }
            for (long offset = 0; offset < file.size(); offset += maxSplitBytes) {
                splits.add(new FileSplit(file.file(), offset, Math.min(maxSplitBytes, file.size() - offset),
                        file.size()));
            }
        }
        // List.sort is stable, as Spark's sortBy.
        splits.sort(Comparator.comparingLong(FileSplit::length).reversed());
        List<List<FileSplit>> partitions = new ArrayList<>();
        List<FileSplit> current = new ArrayList<>();
        long currentSize = 0;
        for (FileSplit split : splits) {
            if (currentSize + split.length() > maxSplitBytes && !current.isEmpty()) {
                partitions.add(List.copyOf(current));
                current.clear();
                currentSize = 0;
            }
            currentSize += split.length() + openCostInBytes;
            current.add(split);
        }
        if (!current.isEmpty()) {
            partitions.add(List.copyOf(current));
        }
        return partitions;
    }
}
