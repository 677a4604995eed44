package sluice.engine.state;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import sluice.engine.checkpoint.AtomicFile;
import sluice.engine.checkpoint.IoReason;
import sluice.engine.checkpoint.LogOwner;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.SluiceException;

/**
 * The files of one state partition, in Spark's layout: {@code <version>.delta} holds the rows a batch changed or
 * removed, {@code <version>.snapshot} every row of a version. Both are written whole or not at all. A file starts
 * with Sluice's mark and format number, so a Spark state file (UnsafeRow encoding) is refused, not misread; then
 * records as Spark's: key length, key, value length (-1 for a removal), value; then -1. Stateless apart from its
 * folder; used by the task that owns the partition.
 */
final class StateFiles {
    private static final int MARK = 0x534C5354; // "SLST"
    private static final int FORMAT = 1;
    private static final int END = -1;

    private final Path folder;
    private final String owner;
    private final LogOwner problems;

    /** {@code owner} names the operator and partition in problems, such as "operator 0 partition 3". */
    StateFiles(Path folder, String nodeId, String owner) {
        this.folder = requireNonNull(folder, "folder is null");
        this.owner = requireNonNull(owner, "owner is null");
        this.problems = LogOwner.node(nodeId, ErrorCode.CHECKPOINT_FAILED);
    }

    Path delta(long version) {
        return folder.resolve(version + ".delta");
    }

    Path snapshot(long version) {
        return folder.resolve(version + ".snapshot");
    }

    /** Consumes the records of a file. */
    interface Records {
        void accept(byte[] key, byte[] value) throws IOException;
    }

    /** The versions of the files here: true for a snapshot (a snapshot wins over a delta of its version). */
    TreeMap<Long, Boolean> versions() {
        TreeMap<Long, Boolean> versions = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return versions;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String[] parts = file.getFileName().toString().split("\\.");
                if (parts.length != 2 || !parts[0].matches("[0-9]{1,18}")) {
                    continue;
                }
                long version = Long.parseLong(parts[0]);
                String kind = parts[1].toLowerCase(Locale.ROOT);
                if (kind.equals("snapshot")) {
                    versions.put(version, true);
                } else if (kind.equals("delta")) {
                    versions.putIfAbsent(version, false);
                }
            }
        } catch (IOException e) {
            throw problems.fail("cannot list the state folder '%s' of %s: %s", folder, owner, IoReason.of(e));
        }
        return versions;
    }

    void writeDelta(long version, Map<StateKey, byte[]> changes) {
        write(delta(version), changes);
    }

    void writeSnapshot(long version, Map<StateKey, byte[]> rows) {
        write(snapshot(version), rows);
    }

    /** Rows in key order, so the same state gives the same file; a null value is a removal. */
    private void write(Path file, Map<StateKey, byte[]> rows) {
        AtomicFile.write(file, raw -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw));
            out.writeInt(MARK);
            out.writeInt(FORMAT);
            for (Map.Entry<StateKey, byte[]> row : new TreeMap<>(rows).entrySet()) {
                byte[] key = row.getKey().bytes();
                out.writeInt(key.length);
                out.write(key);
                byte[] value = row.getValue();
                out.writeInt(value == null ? -1 : value.length);
                if (value != null) {
                    out.write(value);
                }
            }
            out.writeInt(END);
            out.flush();
        }, problems);
    }

    /** Reads a file's records; a missing or damaged file is a problem naming it, the state and the batch. */
    void read(Path file, long batchId, Records records) {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
            if (in.readInt() != MARK) {
                throw damaged(file, batchId, "it is not a Sluice state file");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw otherFormat(file, batchId, format);
            }
            while (true) {
                int keyLength = in.readInt();
                if (keyLength == END) {
                    break;
                }
                if (keyLength < 0) {
                    throw damaged(file, batchId, "a key has the length " + keyLength);
                }
                byte[] key = in.readNBytes(keyLength);
                int valueLength = in.readInt();
                if (key.length < keyLength || valueLength < -1) {
                    throw damaged(file, batchId, "a record is cut short");
                }
                byte[] value = valueLength < 0 ? null : in.readNBytes(valueLength);
                if (value != null && value.length < valueLength) {
                    throw damaged(file, batchId, "a record is cut short");
                }
                records.accept(key, value);
            }
            if (in.read() != -1) {
                throw damaged(file, batchId, "it goes on after its end mark");
            }
        } catch (NoSuchFileException e) {
            throw fail(batchId, "file '%s' is missing", file);
        } catch (EOFException e) {
            throw damaged(file, batchId, "it ends before its end mark");
        } catch (IOException e) {
            throw fail(batchId, "cannot read file '%s': %s", file, IoReason.of(e));
        }
    }

    SluiceException damaged(Path file, long batchId, String reason) {
        return fail(batchId, "file '%s' is damaged: %s", file, reason);
    }

    /**
     * Version {@code version} was removed by the retention, which keeps only the files of the last batches
     * ({@code minBatchesToRetain}): nothing is damaged, the version asked for is older than the oldest one kept.
     */
    SluiceException notKept(long version, long batchId, long oldest, long newest) {
        return problems.fail("cannot load the state of %s for batch %d: its version %d is no longer kept, only "
                + "versions %d to %d are (minBatchesToRetain keeps the state of the last batches only)", owner,
                batchId, version, oldest, newest);
    }

    /** A state file of another format is whole, not damaged: another Sluice wrote it, and this one cannot read it. */
    private SluiceException otherFormat(Path file, long batchId, int format) {
        return problems.fail("cannot load the state of %s for batch %d: file '%s' has state format %d, written by %s "
                + "Sluice, and this one reads format %d; run the query with a new checkpoint folder, or finish it with "
                + "the Sluice that wrote it", owner, batchId, file, format, format < FORMAT ? "an older" : "a newer",
                FORMAT);
    }

    private SluiceException fail(long batchId, String format, Object... args) {
        return problems.fail("cannot load the state of %s for batch %d: %s; the checkpoint is damaged", owner,
                batchId, String.format(Locale.ROOT, format, args));
    }

    /**
     * Deletes the files no longer needed to rebuild version {@code earliestToKeep} or later, as Spark's cleanup:
     * everything older than the newest snapshot at or before it. Without such a snapshot nothing goes.
     */
    void deleteBefore(long earliestToKeep) {
        TreeMap<Long, Boolean> versions = versions();
        Long base = null;
        for (Map.Entry<Long, Boolean> entry : versions.headMap(earliestToKeep, true).entrySet()) {
            if (entry.getValue()) {
                base = entry.getKey();
            }
        }
        if (base == null) {
            return;
        }
        List<Path> old = new ArrayList<>();
        for (long version : versions.headMap(base, false).keySet()) {
            old.add(delta(version));
            old.add(snapshot(version));
        }
        for (Path file : old) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // Spark only warns when cleanup fails: the files are merely kept longer.
                System.getLogger(StateFiles.class.getName()).log(System.Logger.Level.WARNING,
                        "cannot delete old state file " + file, e);
            }
        }
    }
}
