package sluice.engine.sink;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import sluice.engine.checkpoint.AtomicFile;
import sluice.engine.checkpoint.IoReason;
import sluice.engine.checkpoint.LogOwner;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.types.Batch;
import sluice.engine.types.PartitionedBatch;

/**
 * Spark's file sink in append mode: each batch writes one {@code part-<partition>-<uuid>-c000.<format>} file per
 * partition with rows (with {@code partitionBy}, one per partition and partition folder, see
 * {@link PartitionFolders}), then commits the batch by adding those files to the {@link FileSinkLog}. A batch id
 * the log already holds is skipped, so a batch re-run after a crash is not written twice; files of a batch that
 * crashed before its commit are orphans that readers ignore because the log does not list them. Owned by the query
 * thread.
 */
public final class FileSink implements Sink {
    private static final System.Logger LOG = System.getLogger(FileSink.class.getName());

    private final Path dir;
    private final RowFormat format;
    /** The partitionBy layout, or null to write every file in the output folder itself. */
    private final PartitionFolders folders;
    private FileSinkLog log;
    private SinkContext context;

    public FileSink(Path dir, RowFormat format) {
        this(dir, format, null, new int[0]);
    }

    /**
     * Writing the rows of {@code schema} in partition folders of the columns at {@code partitionBy} (Spark's
     * {@code partitionBy}), when there are any.
     */
    public FileSink(Path dir, RowFormat format, sluice.engine.types.Schema schema, int[] partitionBy) {
        this.dir = requireNonNull(dir, "dir is null").toAbsolutePath().normalize();
        this.format = requireNonNull(format, "format is null");
        this.folders = partitionBy.length == 0 ? null : PartitionFolders.of(schema, partitionBy);
    }

    @Override
    public void start(SinkContext sinkContext) {
        this.context = sinkContext;
        this.log = new FileSinkLog(dir, LogOwner.node(sinkContext.nodeId(), ErrorCode.SINK_FAILED));
    }

    @Override
    public void checkResume(long lastCommitted, boolean rerun) {
        log.checkResume(lastCommitted, rerun);
    }

    @Override
    public void addBatch(long batchId, PartitionedBatch data) {
        if (batchId <= log.latestBatchId().orElse(-1)) {
            LOG.log(System.Logger.Level.INFO, "Skipping already committed batch {0} of {1}", batchId, dir);
            return;
        }
        // Spark runs a batch without partitions as one empty task, so partition 0 is always offered a file.
        List<Batch> partitions = data.partitions().isEmpty() ? List.of(Batch.empty(data.schema())) : data.partitions();
        List<SinkFileStatus> files = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (int p = 0; p < partitions.size(); p++) {
                Batch rows = partitions.get(p);
                if (folders != null) {
                    // Spark's partitioned writer opens a file at a task's first row of each folder, so a batch
                    // without rows writes none.
                    for (java.util.Map.Entry<String, Batch> folder : folders.split(rows, context.zone()).entrySet()) {
                        files.add(writeFile(dir.resolve(folder.getKey()), p, folder.getValue()));
                    }
                } else if (!rows.isEmpty() || p == 0 && format.writesEmptyFile()) {
                    files.add(writeFile(dir, p, rows));
                }
            }
        } catch (IOException e) {
            throw Problem.of(ErrorCode.SINK_FAILED, Position.node(context.nodeId()), "cannot write to '%s': %s", dir,
                    IoReason.of(e)).toException();
        }
        if (!log.add(batchId, files)) {
            // Spark fails the same way ("Race while writing batch"): only another writer can have added the batch.
            throw Problem.of(ErrorCode.SINK_FAILED, Position.node(context.nodeId()),
                    "output folder '%s' got batch %d from another query while this one wrote it; write to an output "
                            + "folder from one query at a time", dir, batchId).toException();
        }
        LOG.log(System.Logger.Level.DEBUG, "Committed batch {0}: {1} files", batchId, files.size());
    }

    // Written under a dot-prefixed name and renamed, so that a reader listing the folder without the log (Spark's
    // listing skips names starting with '.' or '_') never sees half a file; a failed write leaves no file behind.
    private SinkFileStatus writeFile(Path folder, int partition, Batch rows) throws IOException {
        String name = String.format(Locale.ROOT, "part-%05d-%s-c000.%s", partition, UUID.randomUUID(),
                format.extension());
        Files.createDirectories(folder);
        Path file = folder.resolve(name);
        AtomicFile.write(file, out -> format.write(rows, context.zone(), out),
                LogOwner.node(context.nodeId(), ErrorCode.SINK_FAILED));
        return SinkFileStatus.added(hadoopUri(file), Files.size(file), Files.getLastModifiedTime(file).toMillis());
    }

    /** The URI as Hadoop's {@code Path.toUri} writes a local file: {@code file:/abs/path}, not {@code file:///}. */
    static String hadoopUri(Path file) {
        try {
            return new URI("file", null, file.toAbsolutePath().toString(), null).toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a file path: " + file, e);
        }
    }

    @Override
    public String toString() {
        return "FileSink[" + dir + "]";
    }
}
