package sluice.engine.checkpoint;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file whole or not at all, as Spark's {@code CheckpointFileManager.createAtomic}: the bytes go to a hidden
 * temporary file next to the target (Spark's listings and ours skip names starting with '.'), renamed into place once
 * complete. When writing or renaming fails (a full disk, a read-only folder, a file where a folder should be) the
 * temporary file is deleted and the failure is one problem naming the target. Stateless; any thread.
 */
public final class AtomicFile {
    /** What fills the file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    public static void write(Path target, String text, LogOwner owner) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(target, out -> out.write(bytes), owner);
    }

    public static void write(Path target, Content content, LogOwner owner) {
        Path folder = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw owner.fail("cannot create folder '%s': %s", folder, IoReason.of(e));
        }
        Path temporary = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            move(temporary, target);
        } catch (IOException e) {
            deleteQuietly(temporary, e);
            throw owner.fail("cannot write file '%s': %s", target, IoReason.of(e));
        } catch (RuntimeException | Error e) {
            deleteQuietly(temporary, e);
            throw e;
        }
    }

    private static void move(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target);
        }
    }

    private static void deleteQuietly(Path temporary, Throwable failure) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // The write already failed; that failure is the one to report, this one rides along.
            failure.addSuppressed(e);
        }
    }
}
