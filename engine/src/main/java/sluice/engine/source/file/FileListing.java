package sluice.engine.source.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
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
    /** File systems whose folders count one link per folder inside them, plus two. */
    private static final Set<String> LINK_COUNTING_STORES = Set.of("ext2", "ext3", "ext4", "xfs", "tmpfs");
    /** The characters of {@link #isPlain} paths, by code. */
    private static final boolean[] PLAIN = plainCharacters();

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
        return list(null);
    }

    /**
     * Every data file now but those whose {@code file:///…} URI {@code skipped} takes (null: none), in no particular
     * order. The caller skips files it has seen, whose time no longer matters. A skipped path is not even stated in a
     * folder whose link count says it holds no folder: after 100,000 files seen, stating each was most of a
     * restart's listing. Elsewhere it is, since a seen file's path may have become a folder, whose files Spark lists.
     */
    public List<ListedFile> list(Predicate<String> skipped) {
        return list(skipped, null);
    }

    /** As {@link #list(Predicate)}, taking the names of the path's folder from {@code ahead} (null: reading them). */
    List<ListedFile> list(Predicate<String> skipped, FolderNames ahead) {
        checkExists();
        List<ListedFile> files = new ArrayList<>();
        try {
            for (Path root : glob ? expand() : List.of(path)) {
                if (Files.isDirectory(root)) {
                    listFolder(root, skipped, skipped != null && countsLinks(root),
                            ahead != null && ahead.folder().equals(root) ? ahead : null, files);
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
     * The names in the path's folder, read now for a {@link #list(Predicate, FolderNames)} to come, with the URIs it
     * will look up: at a restart this reading (a tenth of a second for 100,000 names) can then overlap the reading of
     * the source's log. Null for a glob, a path that is no folder, or names a listing reads through a directory
     * stream (see {@link #isPlain}); their listing reads as usual.
     */
    FolderNames readNames() {
        if (glob || !Files.isDirectory(path)) {
            return null;
        }
        String[] names = path.toFile().list();
        if (names == null) {
            return null;
        }
        String base = folderUri(path);
        String[] uris = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            if (!isPlain(names[i])) {
                return null;
            }
            uris[i] = base + names[i];
            // The look-up of a seen file hashes its URI: made here, it is one thing less to do when the log is read.
            uris[i].hashCode();
        }
        return new FolderNames(path, names, uris);
    }

    /**
     * Whether {@code folder} certainly holds no folder, without listing it: on the file systems that count a
     * folder's links as one per folder inside it plus two (ext2 to ext4, xfs, tmpfs), two links say so. Elsewhere
     * (btrfs counts one, others anything) it is not known, and false.
     */
    public static boolean holdsNoFolder(Path folder) {
        return Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) && countsLinks(folder) && hasTwoLinks(folder);
    }

    /** Whether {@code path}'s file system counts a folder's links as one per folder inside it plus two. */
    private static boolean countsLinks(Path path) {
        try {
            return LINK_COUNTING_STORES.contains(Files.getFileStore(path).type());
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Whether the folder has two links: no folder inside it, where its file system {@link #countsLinks}. */
    private static boolean hasTwoLinks(Path folder) {
        try {
            return Files.getAttribute(folder, "unix:nlink", LinkOption.NOFOLLOW_LINKS) instanceof Integer links
                    && links == 2;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
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
     * Lists {@code folder} depth first, as {@code Files.walkFileTree} would, with at most one stat per entry: none
     * for a hidden name (a hidden folder is skipped whole, a hidden file is not data) or a skipped path in a folder
     * that holds no folder ({@code countsLinks}: its file system's link count can tell). Each file's path below the
     * folder is taken as text, and its URI is the folder's with that text appended when it holds only
     * characters a URI keeps as they are: {@code Path.toUri} stats the file again (to know whether it is a folder),
     * and with the path arithmetic of {@code relativize} that was most of listing 100,000 files.
     */
    private void listFolder(Path folder, Predicate<String> skipped, boolean countsLinks, FolderNames ahead,
                            List<ListedFile> files) throws IOException {
        Walk walk = new Walk(folderUri(folder), skipped, countsLinks, files);
        if (ahead == null) {
            walk.list(folder, "");
        } else {
            walk.list(folder, "", ahead.names(), ahead.uris());
        }
    }

    /** The URI of {@code folder}, ending with '/'. */
    private static String folderUri(Path folder) {
        String uri = folder.toUri().toString();
        return uri.endsWith("/") ? uri : uri + "/";
    }

    /** One listing's walk below a folder whose URI is {@code base}. Mutable, owned by the listing's thread. */
    private final class Walk {
        private final String base;
        private final Predicate<String> skipped;
        /** Whether the folders' file system counts their links (the root's, taken for every folder below). */
        private final boolean countsLinks;
        private final List<ListedFile> files;

        Walk(String base, Predicate<String> skipped, boolean countsLinks, List<ListedFile> files) {
            this.base = base;
            this.skipped = skipped;
            this.countsLinks = countsLinks;
            this.files = files;
        }

        void list(Path folder, String relativeFolder) throws IOException {
            list(folder, relativeFolder, folder.toFile().list(), null);
        }

        /** {@code folder}, whose {@code names} are read (null: none), and their URIs when made (null: not yet). */
        void list(Path folder, String relativeFolder, String[] names, String[] uris) throws IOException {
            boolean plainFolder = isPlain(relativeFolder);
            boolean flat = countsLinks && hasTwoLinks(folder);
            if (names != null && (uris != null || Arrays.stream(names).allMatch(FileListing::isPlain))) {
                // Names of such characters read the same in any charset: all of them in one call, and no path is
                // made for a name skipped. Any other name needs the bytes a directory stream keeps.
                for (int i = 0; i < names.length; i++) {
                    visit(folder, null, names[i], relativeFolder, plainFolder, flat, uris == null ? null : uris[i]);
                }
                return;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    visit(folder, entry, name, relativeFolder, plainFolder && isPlain(name), flat, null);
                }
            } catch (NoSuchFileException e) {
                if (relativeFolder.isEmpty()) {
                    throw e;
                }
                // A folder below deleted while listed: its files are simply not there at this trigger.
            }
        }

        /**
         * {@code name} in {@code folder}; {@code entry} is its path when the folder's listing made one, {@code plain}
         * whether the name and the folder's path are {@link #isPlain}, {@code flat} whether the folder certainly
         * holds no folder, {@code knownUri} its URI when already made (null: not yet).
         */
        private void visit(Path folder, Path entry, String name, String relativeFolder, boolean plain, boolean flat,
                           String knownUri) throws IOException {
            if (isHidden(name)) {
                return;
            }
            String relative = relativeFolder + name;
            String uri = knownUri != null ? knownUri : plain ? base + relative : null;
            boolean seen = uri != null && skipped != null && skipped.test(uri);
            if (seen && flat) {
                return;
            }
            Path path = entry != null ? entry : folder.resolve(name);
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                // Deleted between the folder's listing and its stat: it is simply not there at this trigger.
                return;
            }
            if (attributes.isDirectory()) {
                list(path, relative + "/");
            } else if (seen || !isData(name)) {
                return;
            } else if (attributes.isSymbolicLink() || attributes.isOther()) {
                // The walk does not follow links; a link to a file is read as that file.
                addIfStillThere(path, files);
            } else if (attributes.isRegularFile()) {
                add(uri != null ? uri : path.toUri().toString(), attributes, files);
            }
        }
    }

    /**
     * Whether a relative path's text is made of characters a URI keeps as they are, and '/' between names (a path
     * with another separator takes {@code Path.toUri}).
     */
    private static boolean isPlain(String relative) {
        for (int i = 0; i < relative.length(); i++) {
            char c = relative.charAt(i);
            if (c >= PLAIN.length || !PLAIN[c]) {
                return false;
            }
        }
        return true;
    }

    private static boolean[] plainCharacters() {
        boolean[] plain = new boolean[128];
        for (char c = 0; c < plain.length; c++) {
            plain[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-_.~=/".indexOf(c) >= 0;
        }
        return plain;
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
