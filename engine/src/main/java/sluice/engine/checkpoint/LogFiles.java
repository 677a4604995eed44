package sluice.engine.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * A folder of numbered log files ({@code 0}, {@code 1}, …) as Spark's {@code HDFSMetadataLog} keeps them: each file
 * written whole (temporary file, then an atomic rename) and never changed. Not thread-safe; one writer.
 */
public final class LogFiles {
    private final Path dir;

    public LogFiles(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Writes batch {@code id}'s file; an existing file is left as it is (Spark never rewrites a log entry). */
    public void write(long id, String content) {
        Path target = dir.resolve(Long.toString(id));
        if (Files.exists(target)) {
            return;
        }
        writeAtomically(target, content);
    }

    public Optional<String> read(long id) {
        Path file = dir.resolve(Long.toString(id));
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The highest id with a file, if any. */
    public OptionalLong latestId() {
        if (!Files.isDirectory(dir)) {
            return OptionalLong.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(name -> name.matches("\\d+"))
                    .mapToLong(Long::parseLong).max();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code content} to {@code target} so that readers see either no file or the whole file. */
    public static void writeAtomically(Path target, String content) {
        try {
            Files.createDirectories(target.getParent());
            Path temp = target.resolveSibling("." + target.getFileName() + "." + System.nanoTime() + ".tmp");
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
