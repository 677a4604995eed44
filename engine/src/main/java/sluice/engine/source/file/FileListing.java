package sluice.engine.source.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;

/**
 * Lists the data files a source's {@code path} names, as Spark's file stream source does: the path is a folder,
 * listed recursively, or a glob ({@code in/*.csv}) whose matches are such folders and files (a path that names one
 * file lists that file, but Spark's stream source fails on it, and the planner refuses it). Names that
 * start with {@code _} or {@code .} (Spark's hidden and metadata files) and files being copied ({@code ._COPYING_})
 * are skipped, and only names that match {@code pathGlobFilter} and modification times within {@code modifiedAfter}
 * and {@code modifiedBefore} are kept. Immutable; called on the query thread and
 * by schema inference.
 */
public final class FileListing {
    private final String nodeId;
    private final Path path;
    private final boolean glob;
    private final Pattern nameFilter;
    private final ModifiedTimeFilter modified;

    public FileListing(String nodeId, Path path, String pathGlobFilter) {
        this(nodeId, path, pathGlobFilter, ModifiedTimeFilter.NONE);
    }

    /** Keeping only the files whose modification time {@code modified} accepts. */
    public FileListing(String nodeId, Path path, String pathGlobFilter, ModifiedTimeFilter modified) {
        this.nodeId = nodeId;
        this.path = path;
        this.glob = Glob.isGlob(path.toString());
        this.nameFilter = pathGlobFilter == null ? null : Glob.compile(pathGlobFilter);
        this.modified = modified;
    }

    /** Whether {@code path} is a glob such as {@code in/*.csv}, whose matches may appear later. */
    public static boolean isGlob(Path path) {
        return Glob.isGlob(path.toString());
    }

    /** Whether {@code path} names one existing file rather than a folder or a glob. */
    public static boolean namesOneFile(Path path) {
        return !Glob.isGlob(path.toString()) && Files.isRegularFile(path);
    }

    /** Whether {@code glob} is a glob Spark accepts; IllegalArgumentException saying why not. */
    public static void checkGlob(String glob) {
        Glob.compile(glob);
    }

    /**
     * Fails with SOURCE_FAILED naming the path when it does not exist (Spark: "Path does not exist"). A glob is not
     * checked, as in Spark: what it matches may appear later.
     */
    public void checkExists() {
        if (!glob && !Files.exists(path)) {
            throw Problem.of(ErrorCode.SOURCE_FAILED, Position.node(nodeId),
                    "path does not exist: '%s'", path).toException();
        }
    }

    /** Every data file now, in no particular order. */
    public List<ListedFile> list() {
        checkExists();
        List<ListedFile> files = new ArrayList<>();
        try {
            for (Path root : glob ? expand() : List.of(path)) {
                if (Files.isDirectory(root)) {
                    listFolder(root, files);
                } else if (isData(root.getFileName().toString())) {
                    addIfStillThere(root, files);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw Problem.of(ErrorCode.SOURCE_FAILED, Position.node(nodeId),
                    "cannot list '%s': %s", path, message(e)).toException();
        }
        return files;
    }

    /**
     * The paths the listing starts from: the path itself, or what its glob matches now. Spark's default base paths
     * for partition folders are these (a file's own folder for a file).
     */
    public List<Path> roots() {
        try {
            List<Path> roots = glob ? expand() : List.of(path);
            List<Path> bases = new ArrayList<>();
            for (Path root : roots) {
                bases.add(Files.isDirectory(root) || root.getParent() == null ? root : root.getParent());
            }
            return bases;
        } catch (IOException e) {
            throw Problem.of(ErrorCode.SOURCE_FAILED, Position.node(nodeId),
                    "cannot list '%s': %s", path, message(e)).toException();
        }
    }

    private void listFolder(Path folder, List<ListedFile> files) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.forEach(file -> {
                if (!file.equals(folder) && isData(folder.relativize(file))) {
                    addIfStillThere(file, files);
                }
            });
        }
    }

    /** The paths the glob matches now, part by part, as Hadoop's {@code globStatus}. */
    private List<Path> expand() throws IOException {
        Path root = path.getRoot();
        List<Path> matches = new ArrayList<>();
        matches.add(root == null ? Path.of("") : root);
        for (Path part : path.getRoot() == null ? path : root.relativize(path)) {
            String name = part.toString();
            List<Path> next = new ArrayList<>();
            for (Path parent : matches) {
                if (!Glob.isGlob(name)) {
                    Path child = parent.resolve(name);
                    if (Files.exists(child)) {
                        next.add(child);
                    }
                } else if (Files.isDirectory(parent)) {
                    Pattern pattern = Glob.compile(name);
                    try (DirectoryStream<Path> children = Files.newDirectoryStream(parent)) {
                        for (Path child : children) {
                            if (pattern.matcher(child.getFileName().toString()).matches()) {
                                next.add(child);
                            }
                        }
                    }
                }
            }
            matches = next;
        }
        return matches;
    }

    /** Whether a file under a listed folder is data: no part of its relative path is hidden, its name passes. */
    private boolean isData(Path relative) {
        for (Path part : relative) {
            if (isHidden(part.toString())) {
                return false;
            }
        }
        return nameFilter == null || nameFilter.matcher(relative.getFileName().toString()).matches();
    }

    private boolean isData(String fileName) {
        return !isHidden(fileName) && (nameFilter == null || nameFilter.matcher(fileName).matches());
    }

    /** Spark keeps "_a=1" folders: they are partition folders, not metadata. */
    private static boolean isHidden(String name) {
        return name.startsWith("_") && !name.contains("=") || name.startsWith(".") || name.endsWith("._COPYING_");
    }

    private void addIfStillThere(Path path, List<ListedFile> files) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            long time = attributes.lastModifiedTime().toMillis();
            if (attributes.isRegularFile() && modified.accepts(time)) {
                files.add(new ListedFile(path.toUri().toString(), time, attributes.size()));
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
