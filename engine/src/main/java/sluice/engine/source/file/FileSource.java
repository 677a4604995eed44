package sluice.engine.source.file;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import sluice.engine.source.BatchBorrower;
import sluice.engine.source.InputFigures;
import sluice.engine.source.InputPartition;
import sluice.engine.source.Source;
import sluice.engine.source.SourceContext;
import sluice.engine.types.Batch;
import sluice.engine.types.InputFileBlock;
import sluice.engine.types.Schema;

/**
 * Mutable, owned by the query thread: the streaming file source, as Spark's {@code FileStreamSource}. Each call of
 * {@link #latestOffset} lists the folder, takes the files not seen before (oldest modification time first, ties by
 * path; newest first with {@code latestFirst}), at most {@code maxFilesPerTrigger} of them (or about
 * {@code maxBytesPerTrigger} of bytes) unless the trigger reads all available data, and logs them as the next log
 * batch, whose number is the offset. Reading a range of offsets reads the logged files of those batches, split and
 * packed into partitions as Spark does, so a re-run batch reads exactly the same files. With {@code cleanSource},
 * a committed batch's files are deleted or archived (see {@link SourceCleaner}).
 */
public final class FileSource implements Source {
    private static final System.Logger LOG = System.getLogger(FileSource.class.getName());
    private static final Comparator<ListedFile> OLDEST_FIRST =
            Comparator.comparingLong(ListedFile::timestamp).thenComparing(ListedFile::path);
    private static final Comparator<ListedFile> NEWEST_FIRST =
            Comparator.comparingLong(ListedFile::timestamp).reversed().thenComparing(ListedFile::path);

    private final FileSourceOptions options;
    private FileFormat format;
    private SourceContext context;
    private FileListing listing;
    private FileSourceLog log;
    private SeenFiles seen;
    private long currentLogOffset = -1;
    private List<ListedFile> availableNowFiles;
    private FilePartitioning partitioning;
    private final PlannedListing plannedListing;
    private InputFigures planned;
    /** The folder's names being read while the log is (null: none, or taken). */
    private FutureTask<FolderNames> namesAhead;

    @Override
    public void pruneColumns(java.util.BitSet required) {
        format = format.pruned(required);
    }

    @Override
    public void pushFilters(List<sluice.engine.expr.ColumnPredicate> predicates) {
        format = format.filtered(predicates);
    }

    public FileSource(FileSourceOptions options, FileFormat format) {
        this(options, format, null);
    }

    /** With {@code partitioning} instead of Spark's defaults for the query's parallelism (null for those). */
    public FileSource(FileSourceOptions options, FileFormat format, FilePartitioning partitioning) {
        this(options, format, partitioning, null);
    }

    /** Whose first listing is the one taken when the pipeline was planned, when still fresh (null: none). */
    public FileSource(FileSourceOptions options, FileFormat format, FilePartitioning partitioning,
                      PlannedListing plannedListing) {
        this.options = requireNonNull(options, "options is null");
        this.format = requireNonNull(format, "format is null");
        this.partitioning = partitioning;
        this.plannedListing = plannedListing;
    }

    @Override
    public Schema schema() {
        return format.schema();
    }

    @Override
    public void start(SourceContext sourceContext) {
        this.context = requireNonNull(sourceContext, "sourceContext is null");
        if (partitioning == null) {
            partitioning = FilePartitioning.of(context.parallelism());
        }
        listing = new FileListing(context.nodeId(), options.path(), options.pathGlobFilter(), options.modified());
        listing.checkExists();
        if (context.metadataDir() != null && (plannedListing == null || !plannedListing.isFresh())) {
            namesAhead = readNamesAhead();
        }
        log = FileSourceLog.open(context.nodeId(), context.metadataDir());
        List<FileEntry> logged = log.allFiles();
        seen = new SeenFiles(options.effectiveMaxFileAgeMs(), options.fileNameOnly(), logged.size());
        // As Spark: every logged file counts as seen again, so a restart never re-reads a file of an earlier batch.
        for (FileEntry entry : logged) {
            seen.add(entry.path(), entry.timestamp());
        }
        seen.purge();
        currentLogOffset = log.latestBatchId();
        if (currentLogOffset >= 0) {
            LOG.log(System.Logger.Level.INFO, "{0}: recovered file log up to batch {1} ({2} files seen)",
                    context.nodeId(), currentLogOffset, seen.size());
        }
    }

    @Override
    public void prepareForAvailableNow() {
        availableNowFiles = listNow();
    }

    @Override
    public String latestOffset(String start, ReadLimit limit) {
        // The new files, then sorted: the order Spark takes them in (it sorts every listed file, then filters). With
        // 100,000 files seen and one new, sorting them all was a quarter of a restart's time.
        List<ListedFile> fresh = new ArrayList<>();
        for (ListedFile file : availableNowFiles != null ? availableNowFiles : listNow()) {
            if (seen.isNewFile(file.path(), file.timestamp())) {
                fresh.add(file);
            }
        }
        fresh.sort(options.latestFirst() ? NEWEST_FIRST : OLDEST_FIRST);
        List<ListedFile> batchFiles = limit == ReadLimit.SOURCE_DEFAULT ? capped(fresh) : fresh;
        if (availableNowFiles != null) {
            // A file once seen is never new again: the next trigger need only look at the new files not taken.
            availableNowFiles = new ArrayList<>(fresh.subList(batchFiles.size(), fresh.size()));
        }
        if (!batchFiles.isEmpty()) {
            long batchId = currentLogOffset + 1;
            List<FileEntry> entries = new ArrayList<>(batchFiles.size());
            for (ListedFile file : batchFiles) {
                seen.add(file.path(), file.timestamp());
                entries.add(new FileEntry(file.path(), file.timestamp(), batchId));
            }
            log.add(batchId, entries);
            currentLogOffset = batchId;
            seen.purge();
            LOG.log(System.Logger.Level.DEBUG, "{0}: log batch {1} takes {2} of {3} new files",
                    context.nodeId(), batchId, batchFiles.size(), fresh.size());
        }
        return currentLogOffset < 0 ? null : FileOffset.format(currentLogOffset);
    }

    /**
     * The files of the next batch under the source's own limit. With {@code maxBytesPerTrigger}, as Spark: the first
     * file always goes in (a file larger than the limit would otherwise never be read), then files in order while
     * their total stays within the limit, stopping at the first that does not fit.
     */
    private List<ListedFile> capped(List<ListedFile> fresh) {
        if (options.hasMaxFilesPerTrigger()) {
            return fresh.size() > options.maxFilesPerTrigger() ? fresh.subList(0, options.maxFilesPerTrigger()) : fresh;
        }
        if (!options.hasMaxBytesPerTrigger()) {
            return fresh;
        }
        long total = 0;
        int taken = 0;
        for (ListedFile file : fresh) {
            if (taken > 0 && total + file.size() > options.maxBytesPerTrigger()) {
                break;
            }
            total += file.size();
            taken++;
        }
        return fresh.subList(0, taken);
    }

    /**
     * The logged files of the batches in {@code (start, end]}, split and packed into partitions as Spark's file scan
     * does (see {@link FilePartitioning}); each partition reads its splits one after the other.
     */
    @Override
    public List<InputPartition> planInputPartitions(String start, String end) {
        long from = FileOffset.parse(start) + 1;
        long to = FileOffset.parse(end);
        List<FilePartitioning.SizedFile> files = new ArrayList<>();
        for (long batchId = from; batchId <= to; batchId++) {
            long id = batchId;
            List<FileEntry> entries = log().get(batchId).orElseThrow(() -> new IllegalStateException(
                    context.nodeId() + ": file log has no batch " + id + " for offsets " + start + " to " + end));
            for (FileEntry entry : entries) {
                Path file = entry.toPath();
                try {
                    files.add(new FilePartitioning.SizedFile(file, Files.size(file)));
                } catch (IOException e) {
                    throw FileProblems.unreadable(context.nodeId(), file, e);
                }
            }
        }
        InputFigures figures = new InputFigures(files.size(),
                files.stream().mapToLong(FilePartitioning.SizedFile::size).sum());
        List<InputPartition> partitions = new ArrayList<>();
        for (List<FileSplit> splits : partitioning.partitions(files, format.isSplittable())) {
            partitions.add(new FilePartition(splits, format, context, figures));
        }
        planned = figures;
        return partitions;
    }

    @Override
    public Optional<InputFigures> plannedInput() {
        return Optional.ofNullable(planned);
    }

    /** Every log batch of {@code (start, end]} must be in the file log, as Spark's {@code getBatch} checks. */
    @Override
    public Optional<String> checkLoggedRange(String start, String end) {
        long from;
        long to;
        String offset = start;
        try {
            from = FileOffset.parse(start);
            offset = end;
            to = FileOffset.parse(end);
        } catch (IllegalArgumentException e) {
            return Optional.of(String.format("'%s' is not a file source offset such as {\"logOffset\":0}", offset));
        }
        if (from > to) {
            return Optional.of(String.format("its offsets go back from file log batch %d to %d", from, to));
        }
        for (long batchId = from + 1; batchId <= to; batchId++) {
            if (log().get(batchId).isEmpty()) {
                long latest = log().latestBatchId();
                String has = latest < 0 ? "which is empty" : batchId > latest ? "which ends at batch " + latest
                        : "which has no batch " + batchId;
                return Optional.of(String.format("offset '%s' needs batch %d of the file log %s, %s", end, batchId,
                        log().location(), has));
            }
        }
        return Optional.empty();
    }

    /**
     * Cleans the files of log batch {@code end} once the query has committed it ({@code cleanSource}). As Spark, only
     * the files logged in that very batch: a batch that covered several log batches leaves the earlier ones' files.
     */
    @Override
    public void commit(String end) {
        if (options.cleaner().mode() == SourceCleaner.Mode.OFF) {
            return;
        }
        long batchId = FileOffset.parse(end);
        for (FileEntry entry : log().get(batchId).orElse(List.of())) {
            if (entry.batchId() == batchId) {
                options.cleaner().clean(context.nodeId(), entry.toPath());
            }
        }
    }

    /** The files now: at the first trigger the planning's listing when there is a fresh one, else a new listing. */
    private List<ListedFile> listNow() {
        List<ListedFile> atPlanning = plannedListing == null ? null : plannedListing.take();
        FolderNames ahead = takeNamesAhead();
        return atPlanning != null ? listing().filter(atPlanning) : listing().list(seen::isSeen, ahead);
    }

    /**
     * Reads the folder's names on a thread of its own while the query thread reads the source's log: at a restart
     * after 100,000 files seen, each took about a third of the time to the first batch, one after the other.
     */
    private FutureTask<FolderNames> readNamesAhead() {
        FutureTask<FolderNames> task = new FutureTask<>(listing::readNames);
        Thread thread = new Thread(task, "sluice-listing-" + context.nodeId());
        thread.setDaemon(true);
        thread.start();
        return task;
    }

    /** The names read ahead, once; null when there are none or reading them failed (the listing reads again). */
    private FolderNames takeNamesAhead() {
        FutureTask<FolderNames> task = namesAhead;
        namesAhead = null;
        if (task == null) {
            return null;
        }
        try {
            return task.get();
        } catch (ExecutionException e) {
            // The listing reads the folder again and reports what is wrong with it.
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private FileListing listing() {
        if (listing == null) {
            throw new IllegalStateException("file source used before start()");
        }
        return listing;
    }

    private FileSourceLog log() {
        listing();
        return log;
    }

    /** Reads the splits of one partition, in order. Immutable; runs on a partition task thread. */
    private record FilePartition(List<FileSplit> splits, FileFormat format, SourceContext context,
                                 InputFigures figures) implements InputPartition {
        @Override
        public Batch read() {
            List<Batch> batches = new ArrayList<>();
            read(batches::add);
            return batches.isEmpty() ? Batch.empty(format.schema()) : Batch.concat(format.schema(), batches);
        }

        @Override
        public void read(Consumer<Batch> out) {
            for (FileSplit split : splits) {
                // Every batch is read from one split, which input_file_name() and its kin report.
                InputFileBlock block = new InputFileBlock(split.file().toUri().toString(), split.start(),
                        split.length());
                format.read(split, context, figures, BatchBorrower.mapped(out, batch -> batch.withInputFile(block)));
            }
        }
    }
}
