package sluice.engine.source.file;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Spark's {@code cleanSource}: what happens to a file once its batch is committed. {@code DELETE} deletes it,
 * {@code ARCHIVE} moves it under {@code sourceArchiveDir} keeping its whole absolute path (in/a.csv of /data goes to
 * archive/data/in/a.csv), {@code OFF} leaves it. A file that cannot be moved or deleted is left where it is with a
 * warning, as Spark does: cleaning never fails the query, and the file log keeps the file from being read again.
 * Immutable; called on the query thread.
 */
public record SourceCleaner(Mode mode, Path archiveDir) {
    private static final System.Logger LOG = System.getLogger(SourceCleaner.class.getName());
    public static final SourceCleaner OFF = new SourceCleaner(Mode.OFF, null);

    /** Spark's {@code CleanSourceMode}, read without regard to case. */
    public enum Mode {
        ARCHIVE, DELETE, OFF;

        public static Optional<Mode> parse(String text) {
            for (Mode mode : values()) {
                if (mode.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
                    return Optional.of(mode);
                }
            }
            return Optional.empty();
        }
    }

    public SourceCleaner {
        if (mode == Mode.ARCHIVE && archiveDir == null) {
            throw new IllegalArgumentException("archive needs an archiveDir");
        }
    }

    /**
     * Whether an archive folder could hold files the source path matches, which Spark refuses so that archived
     * files are never listed again: both paths are cut to the depth of the shorter one, and the archive's names
     * must not all match the source's names (globs matching) from that depth up to the root.
     */
    public static boolean archiveMatchesSource(Path source, Path archive) {
        Path from = source.toAbsolutePath().normalize();
        Path to = archive.toAbsolutePath().normalize();
        int depth = Math.min(from.getNameCount(), to.getNameCount());
        if (depth == 0) {
            return true;
        }
        for (int i = 0; i < depth; i++) {
            Pattern name = Glob.compile(from.getName(i).toString());
            if (!name.matcher(to.getName(i).toString()).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Cleans {@code file}, which its batch's commit has made safe to take away. */
    public void clean(String nodeId, Path file) {
        try {
            switch (mode) {
                case DELETE -> Files.deleteIfExists(file);
                case ARCHIVE -> archive(file);
                case OFF -> {
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "{0}: could not {1} ''{2}'', left where it is: {3}", nodeId,
                    mode == Mode.DELETE ? "delete" : "archive", file, e.toString());
        }
    }

    private void archive(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        Path target = archiveDir.toAbsolutePath().normalize();
        for (Path part : absolute.getRoot() == null ? absolute : absolute.getRoot().relativize(absolute)) {
            target = target.resolve(part.toString());
        }
        if (!Files.exists(file)) {
            return;
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(file, target);
        } catch (FileAlreadyExistsException e) {
            LOG.log(System.Logger.Level.WARNING, "{0} is already archived as {1}; left where it is", file, target);
        }
    }
}
