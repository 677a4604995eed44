package sluice.engine.checkpoint;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A folder of numbered log files ({@code 0}, {@code 1}, …) as Spark's {@code HDFSMetadataLog} keeps them: each file
 * written whole ({@link AtomicFile}) and never changed. Reading or writing trouble is a problem of the log's owner
 * naming the file. Not thread-safe; one writer.
 */
public final class LogFiles {
    private final Path dir;
    private final LogOwner owner;

    public LogFiles(Path dir, LogOwner owner) {
        this.dir = requireNonNull(dir, "dir is null");
        this.owner = requireNonNull(owner, "owner is null");
    }

    public Path dir() {
        return dir;
    }

    /** Where batch {@code id}'s file is, whether or not it exists. */
    public Path file(long id) {
        return dir.resolve(Long.toString(id));
    }

    /**
     * Writes batch {@code id}'s file, unless it exists: as in Spark, a log entry is never rewritten.
     *
     * @return false when the file was there already (nothing written)
     */
    public boolean write(long id, String content) {
        Path target = file(id);
        if (Files.exists(target)) {
            return false;
        }
        AtomicFile.write(target, content, owner);
        return true;
    }

    /** Batch {@code id}'s file, or empty when there is none. */
    public Optional<String> read(long id) {
        Path file = file(id);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (CharacterCodingException e) {
            throw owner.fail("file '%s' is damaged: it is not UTF-8 text", file);
        } catch (IOException e) {
            throw owner.fail("cannot read file '%s': %s", file, IoReason.of(e));
        }
    }

    /** The highest id with a file, if any. */
    public OptionalLong latestId() {
        TreeSet<Long> ids = ids();
        return ids.isEmpty() ? OptionalLong.empty() : OptionalLong.of(ids.last());
    }

    /**
     * The ids that have a file, in order. As in Spark, only plain files whose whole name is a number count: hidden
     * temporary files and Hadoop's {@code .crc} files do not.
     */
    private TreeSet<Long> ids() {
        TreeSet<Long> ids = new TreeSet<>();
        if (!Files.isDirectory(dir)) {
            return ids;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(name -> name.matches("\\d{1,18}")).forEach(name -> ids.add(Long.parseLong(name)));
        } catch (IOException e) {
            throw owner.fail("cannot list folder '%s': %s", dir, IoReason.of(e));
        }
        return ids;
    }

    /** Writes {@code content} to {@code target} whole or not at all; a failure is a checkpoint problem. */
    public static void writeAtomically(Path target, String content) {
        AtomicFile.write(target, content, LogOwner.CHECKPOINT);
    }
}
