package sluice.engine.source.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;

/**
 * Lists the data files under a folder, as Spark's file index does: recursively, skipping names that start with
 * {@code _} or {@code .} (Spark's hidden and metadata files) and files being copied ({@code ._COPYING_}), keeping
 * only names that match {@code pathGlobFilter}. Immutable; called on the query thread and by schema inference.
 */
public final class FolderListing {
    private final String nodeId;
    private final Path folder;
    private final PathMatcher nameFilter;

    public FolderListing(String nodeId, Path folder, String pathGlobFilter) {
        this.nodeId = nodeId;
        this.folder = folder;
        this.nameFilter = pathGlobFilter == null ? null : FileSystems.getDefault().getPathMatcher("glob:" + pathGlobFilter);
    }

    public Path folder() {
        return folder;
    }

    /** Fails with SOURCE_FAILED naming the folder when it does not exist (Spark: "Path does not exist"). */
    public void checkExists() {
        if (!Files.isDirectory(folder)) {
            throw Problem.of(ErrorCode.SOURCE_FAILED, Position.node(nodeId),
                    "path does not exist: '%s'", folder).toException();
        }
    }

    /** Every data file now, in no particular order. */
    public List<ListedFile> list() {
        checkExists();
        List<ListedFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.forEach(path -> {
                if (!path.equals(folder) && isData(path)) {
                    addIfStillThere(path, files);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw Problem.of(ErrorCode.SOURCE_FAILED, Position.node(nodeId),
                    "cannot list folder '%s': %s", folder, message(e)).toException();
        }
        return files;
    }

    private boolean isData(Path path) {
        for (Path part : folder.relativize(path)) {
            String name = part.toString();
            // Spark keeps "_a=1" folders: they are partition folders, not metadata.
            boolean hidden = name.startsWith("_") && !name.contains("=") || name.startsWith(".");
            if (hidden || name.endsWith("._COPYING_")) {
                return false;
            }
        }
        return nameFilter == null || nameFilter.matches(path.getFileName());
    }

    private static void addIfStillThere(Path path, List<ListedFile> files) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (attributes.isRegularFile()) {
                files.add(new ListedFile(path.toUri().toString(), attributes.lastModifiedTime().toMillis()));
            }
        } catch (NoSuchFileException e) {
            // Deleted between the walk and the stat: it is simply not there at this trigger.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String message(Exception e) {
        Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
