package sluice.engine.source.file;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import sluice.engine.source.SourceContext;
import sluice.engine.types.Batch;

/**
 * A {@code source.file} with {@code static: true}: the files under its path read as one table, as Spark's
 * {@code spark.read} reads them (a folder, a glob or one file; no file log, no per-trigger limits). Immutable; the
 * query reads it once, on its thread, the first time a batch needs it.
 */
public final class FileTable {
    private final String nodeId;
    private final Path path;
    private final String pathGlobFilter;
    private final ModifiedTimeFilter modified;
    private final FileFormat format;
    private final ZoneId zone;

    public FileTable(String nodeId, Path path, String pathGlobFilter, FileFormat format, ZoneId zone) {
        this(nodeId, path, pathGlobFilter, ModifiedTimeFilter.NONE, format, zone);
    }

    /** Reading only the files whose modification time {@code modified} accepts (modifiedBefore, modifiedAfter). */
    public FileTable(String nodeId, Path path, String pathGlobFilter, ModifiedTimeFilter modified, FileFormat format,
                     ZoneId zone) {
        this.nodeId = requireNonNull(nodeId, "nodeId is null");
        this.path = requireNonNull(path, "path is null");
        this.pathGlobFilter = pathGlobFilter;
        this.modified = requireNonNull(modified, "modified is null");
        this.format = requireNonNull(format, "format is null");
        this.zone = requireNonNull(zone, "zone is null");
    }

    public FileFormat format() {
        return format;
    }

    /** Every row of every file now under the path, one batch per file, files in path order. */
    public List<Batch> read() {
        List<ListedFile> files = new ArrayList<>(new FileListing(nodeId, path, pathGlobFilter, modified).list());
        files.sort(Comparator.comparing(ListedFile::path));
        SourceContext context = new SourceContext(nodeId, null, Clock.systemUTC(), zone, 1);
        List<Batch> batches = new ArrayList<>();
        for (ListedFile file : files) {
            Batch rows = format.read(Path.of(URI.create(file.path())), context);
            if (rows.rowCount() > 0) {
                batches.add(rows);
            }
        }
        return batches;
    }
}
