package sluice.engine.source.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
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

    /**
     * Walks {@code folder} with one stat per entry (the walk's own), skipping hidden folders whole. Each file's path
     * below the folder is taken as text, and its URI is the folder's with that text appended when it holds only
     * characters a URI keeps as they are: {@code Path.toUri} stats the file again (to know whether it is a folder),
     * and with the path arithmetic of {@code relativize} that was most of listing 100,000 files.
     */
    private void listFolder(Path folder, List<ListedFile> files) throws IOException {
        String folderUri = folder.toUri().toString();
        String base = folderUri.endsWith("/") ? folderUri : folderUri + "/";
        String folderText = folder.toString();
        String separator = folder.getFileSystem().getSeparator();
        String prefix = folderText.isEmpty() || folderText.endsWith(separator) ? folderText : folderText + separator;
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return dir.equals(folder) || !isHidden(dir.getFileName().toString()) ? FileVisitResult.CONTINUE
                        : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (file.equals(folder)) {
                    return FileVisitResult.CONTINUE;
                }
                String text = file.toString();
                String relative = text.startsWith(prefix) && text.length() > prefix.length()
                        ? text.substring(prefix.length()) : folder.relativize(file).toString();
                if (isDataPath(relative, separator.charAt(0))) {
                    if (attributes.isSymbolicLink() || attributes.isOther()) {
                        // The walk does not follow links; a link to a file is read as that file.
                        addIfStillThere(file, files);
                    } else if (attributes.isRegularFile()) {
                        add(isPlain(relative) ? base + relative : file.toUri().toString(), attributes, files);
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    // Deleted between the folder's listing and its stat: it is simply not there at this trigger.
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    /**
     * Whether a relative path's text is made of characters a URI keeps as they are, and '/' between names (a path
     * with another separator takes {@code Path.toUri}).
     */
    private static boolean isPlain(String relative) {
        for (int i = 0; i < relative.length(); i++) {
            char c = relative.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.' || c == '~' || c == '=' || c == '/')) {
                return false;
            }
        }
        return true;
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

    /**
     * Whether a file under a listed folder is data: no name of its path relative to the folder ({@code separator}
     * between names) is hidden, and its own name passes.
     */
    private boolean isDataPath(String relative, char separator) {
        int start = 0;
        while (true) {
            int end = relative.indexOf(separator, start);
            if (end < 0) {
                return isData(relative.substring(start));
            }
            if (isHidden(relative.substring(start, end))) {
                return false;
            }
            start = end + 1;
        }
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
            if (attributes.isRegularFile()) {
                add(path.toUri().toString(), attributes, files);
            }
        } catch (NoSuchFileException e) {
            // Deleted between the walk and the stat: it is simply not there at this trigger.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(String uri, BasicFileAttributes attributes, List<ListedFile> files) {
        long time = attributes.lastModifiedTime().toMillis();
        if (modified.accepts(time)) {
            files.add(new ListedFile(uri, time, attributes.size()));
        }
    }

    /**
     * The files of {@code all}, a listing of the same path by a listing without a name or time filter, that this
     * listing keeps: what {@link #list()} would have listed at that moment.
     */
    public List<ListedFile> filter(List<ListedFile> all) {
        if (nameFilter == null && modified.afterMicros() == null && modified.beforeMicros() == null) {
            return all;
        }
        List<ListedFile> kept = new ArrayList<>();
        for (ListedFile file : all) {
            Path name = Path.of(java.net.URI.create(file.path())).getFileName();
            if (name != null && isData(name.toString()) && modified.accepts(file.timestamp())) {
                kept.add(file);
            }
        }
        return kept;
    }

    private static String message(Exception e) {
        Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
