package sluice.engine.checkpoint;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;
import sluice.engine.json.JsonValues;

/**
 * A log of entries per batch that is compacted every few batches, as Spark's {@code CompactibleFileStreamLog} (the
 * file source's log and the file sink's {@code _spark_metadata}): batch N is the file {@code N} holding {@code v1} and
 * one JSON object per line, except every compaction batch ({@code 9}, {@code 19}, … by default), which is
 * {@code N.compact} and holds the entries of every batch up to N. The latest compaction file and the batches after it
 * hold all entries, so the files before it may go: as Spark, old files are deleted once 100 batches follow them
 * (see {@link #deleteExpired}). Files are written whole ({@link AtomicFile}); a damaged,
 * missing or unreadable file is a problem of the log's owner naming it. Not thread-safe; one writer.
 *
 * @param <T> the entry of one line
 */
public final class CompactibleLog<T> {
    public static final String COMPACT_SUFFIX = ".compact";
    /** Spark's default compact interval for both logs (spark.sql.streaming.fileSource/fileSink.log.compactInterval). */
    static final int DEFAULT_COMPACT_INTERVAL = 10;
    private static final int VERSION = 1;
    /** Spark's spark.sql.streaming.minBatchesToRetain: the latest batches whose log files are always kept. */
    static final int MIN_BATCHES_TO_RETAIN = 100;
    /** Spark's spark.sql.streaming.fileSource/fileSink.log.cleanupDelay: how old an expired file must be to go. */
    static final long CLEANUP_DELAY_MS = 10 * 60 * 1000L;

    /** How one entry is written as a JSON line and read back. */
    public interface Codec<T> {
        String toJson(T entry);

        /** The entry of one JSON object; IllegalArgumentException saying what is wrong with it. */
        T fromJson(Map<String, Object> json);

        /**
         * The entry of the line in {@code bytes} from {@code start} to {@code end} (its line feed excluded), in the
         * very shape {@link #toJson} writes it (and Spark does), read without a JSON parser; null for any other line.
         * A compacted log holds an entry per file ever seen, and decoding and parsing each line as JSON was most of
         * a restart's time after 100,000 files. A file with one line read as null is read again as JSON text.
         */
        default T fromLine(byte[] bytes, int start, int end) {
            return null;
        }
    }

    private final Path dir;
    private final Codec<T> codec;
    private final LogOwner owner;

    public CompactibleLog(Path dir, Codec<T> codec, LogOwner owner) {
        this.dir = requireNonNull(dir, "dir is null");
        this.codec = requireNonNull(codec, "codec is null");
        this.owner = requireNonNull(owner, "owner is null");
    }

    public Path dir() {
        return dir;
    }

    /** The highest batch with a file, or empty when the log has none. */
    public OptionalLong latestId() {
        TreeMap<Long, Path> files = files();
        return files.isEmpty() ? OptionalLong.empty() : OptionalLong.of(files.lastKey());
    }

    /** Whether {@code batchId} is written as a {@code .compact} file, with the interval this log already uses. */
    public boolean isCompactionBatch(long batchId) {
        return (batchId + 1) % compactInterval(files()) == 0;
    }

    /**
     * Every entry the log holds, batch by batch: the latest compaction file and every batch after it, as Spark's
     * {@code allFiles}. A batch missing between them (or, before the first compaction, from 0) is a problem: the log
     * is damaged, and reading on would lose or repeat data.
     */
    public List<T> allEntries() {
        List<T> all = new ArrayList<>();
        validFiles(files()).values().forEach(file -> all.addAll(read(file)));
        return all;
    }

    /**
     * Writes batch {@code batchId}: its own entries, or for a compaction batch every entry so far followed by them.
     *
     * @return false when the batch has a file already (nothing written), as Spark's log refuses to rewrite a batch
     */
    public boolean add(long batchId, List<T> entries) {
        TreeMap<Long, Path> files = files();
        if (files.containsKey(batchId)) {
            return false;
        }
        boolean compaction = (batchId + 1) % compactInterval(files) == 0;
        List<T> written = new ArrayList<>();
        if (compaction) {
            validFiles(files.headMap(batchId, false)).values().forEach(file -> written.addAll(read(file)));
        }
        written.addAll(entries);
        StringBuilder text = new StringBuilder("v").append(VERSION);
        for (T entry : written) {
            text.append('\n').append(codec.toJson(entry));
        }
        AtomicFile.write(dir.resolve(batchId + (compaction ? COMPACT_SUFFIX : "")), text.toString(), owner);
        files.put(batchId, dir.resolve(batchId + (compaction ? COMPACT_SUFFIX : "")));
        deleteExpired(batchId, files, System.currentTimeMillis());
        return true;
    }

    /**
     * Deletes the files no reader needs any more, as Spark does after each batch it adds (its
     * {@code spark.sql.streaming.fileSource.log.deletion} and {@code fileSink.log.deletion}, both on): while the
     * latest {@link #MIN_BATCHES_TO_RETAIN} batches stay readable, every file before the compaction batch that
     * holds them goes, once it is {@link #CLEANUP_DELAY_MS} old (Spark's {@code log.cleanupDelay}, so that a reader
     * that listed the folder a moment ago still finds what it listed).
     */
    void deleteExpired(long currentBatchId, NavigableMap<Long, Path> files, long now) {
        int interval = compactInterval(files);
        long minBatchId = currentBatchId + 1 - MIN_BATCHES_TO_RETAIN;
        if (interval > minBatchId) {
            return;
        }
        long minCompactionBatchId = minBatchId - minBatchId % interval - 1;
        for (Map.Entry<Long, Path> file : files.headMap(minCompactionBatchId, false).entrySet()) {
            try {
                if (Files.getLastModifiedTime(file.getValue()).toMillis() <= now - CLEANUP_DELAY_MS) {
                    Files.deleteIfExists(file.getValue());
                }
            } catch (IOException e) {
                // As Spark: a log file that cannot be deleted now is only kept longer; readers skip it anyway.
                System.getLogger(CompactibleLog.class.getName()).log(System.Logger.Level.WARNING,
                        "cannot delete expired log file {0}: {1}", file.getValue(), IoReason.of(e));
            }
        }
    }

    /** The files that together hold every entry up to the latest batch, checked to have no gap. */
    private NavigableMap<Long, Path> validFiles(NavigableMap<Long, Path> files) {
        if (files.isEmpty()) {
            return files;
        }
        long start = 0;
        for (Map.Entry<Long, Path> file : files.descendingMap().entrySet()) {
            if (file.getValue().getFileName().toString().endsWith(COMPACT_SUFFIX)) {
                start = file.getKey();
                break;
            }
        }
        NavigableMap<Long, Path> valid = files.tailMap(start, true);
        long expected = start;
        for (long id : valid.keySet()) {
            if (id != expected) {
                throw owner.fail("the log in '%s' is damaged: it has batch %d but not batch %d", dir, id, expected);
            }
            expected++;
        }
        return valid;
    }

    /** Batch files by id: {@code N} or {@code N.compact}; hidden temporary and Hadoop {@code .crc} files are not. */
    private TreeMap<Long, Path> files() {
        TreeMap<Long, Path> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> listing = Files.list(dir)) {
            // No stat per file: this runs at every batch, and a folder named like a batch fails when it is read.
            for (Path file : listing.toList()) {
                String name = file.getFileName().toString();
                String id = name.endsWith(COMPACT_SUFFIX) ? name.substring(0, name.length() - COMPACT_SUFFIX.length())
                        : name;
                if (id.matches("\\d{1,18}")) {
                    Path other = files.put(Long.parseLong(id), file);
                    if (other != null) {
                        throw owner.fail("the log in '%s' is damaged: batch %s has two files, '%s' and '%s'", dir,
                                id, other.getFileName(), name);
                    }
                }
            }
        } catch (IOException e) {
            throw owner.fail("cannot list folder '%s': %s", dir, IoReason.of(e));
        }
        return files;
    }

    /**
     * The interval between compaction batches. Spark keeps the one an existing log was written with: the distance
     * between its two latest compaction files, or with only one, an interval that makes it a compaction batch.
     */
    private static int compactInterval(NavigableMap<Long, Path> files) {
        List<Long> compactions = new ArrayList<>();
        for (Map.Entry<Long, Path> file : files.descendingMap().entrySet()) {
            if (file.getValue().getFileName().toString().endsWith(COMPACT_SUFFIX)) {
                compactions.add(file.getKey());
            }
        }
        if (compactions.size() >= 2) {
            return (int) (compactions.get(0) - compactions.get(1));
        }
        if (compactions.size() == 1) {
            return intervalMatching(compactions.get(0) + 1);
        }
        return DEFAULT_COMPACT_INTERVAL;
    }

    /** The interval nearest above the default that divides {@code batches}, or {@code batches} itself. */
    private static int intervalMatching(long batches) {
        if (batches <= DEFAULT_COMPACT_INTERVAL) {
            return (int) batches;
        }
        for (long interval = DEFAULT_COMPACT_INTERVAL; interval <= batches / 2; interval++) {
            if (batches % interval == 0) {
                return (int) interval;
            }
        }
        return (int) batches;
    }

    private List<T> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw owner.fail("cannot read file '%s': %s", file, IoReason.of(e));
        }
        List<T> quick = quickEntries(bytes);
        return quick != null ? quick : parsed(file, bytes);
    }

    /**
     * The entries of a file whose version line is the current one and whose every line {@link Codec#fromLine} reads,
     * else null: all or nothing, so that any other file is read, and its damage reported, as JSON text line by line.
     */
    private List<T> quickEntries(byte[] bytes) {
        byte[] version = ("v" + VERSION + "\n").getBytes(StandardCharsets.US_ASCII);
        if (bytes.length < version.length || !Arrays.equals(bytes, 0, version.length, version, 0, version.length)) {
            return null;
        }
        List<T> entries = new ArrayList<>();
        int start = version.length;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            T entry = codec.fromLine(bytes, start, end);
            if (entry == null) {
                return null;
            }
            entries.add(entry);
            start = end + 1;
        }
        return entries;
    }

    /** The entries of {@code file}, whose {@code bytes} are read, as JSON text line by line. */
    private List<T> parsed(Path file, byte[] bytes) {
        List<String> lines;
        try {
            // Strict UTF-8 and lines ending at \n, \r or \r\n, as Files.readAllLines reads them, from the bytes read.
            lines = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString().lines().toList();
        } catch (CharacterCodingException e) {
            throw owner.fail("file '%s' is damaged: it is not UTF-8 text", file);
        }
        if (lines.isEmpty()) {
            throw owner.fail("file '%s' is damaged: it is empty", file);
        }
        LogVersion.check(lines.get(0), VERSION, file, owner);
        List<T> entries = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            entries.add(entry(lines.get(i), i + 1, file));
        }
        return entries;
    }

    private T entry(String line, int lineNumber, Path file) {
        String problem;
        try {
            Map<String, Object> json = JsonValues.object(JsonValues.parse(line));
            if (json != null) {
                return codec.fromJson(json);
            }
            problem = "is not a JSON object";
        } catch (JsonProcessingException e) {
            problem = "is not a JSON object";
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        throw owner.fail("file '%s' is damaged: line %d %s: '%s'", file, lineNumber, problem,
                LogVersion.abbreviated(line));
    }
}
