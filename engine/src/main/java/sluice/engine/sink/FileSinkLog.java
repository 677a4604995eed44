package sluice.engine.sink;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import sluice.engine.json.JsonValues;

/**
 * Spark's file sink log, {@code <output>/_spark_metadata}: one file per committed batch named by its batch id, holding
 * {@code v1} and one {@link SinkFileStatus} JSON line per file; every 10th batch ({@code 9}, {@code 19}, ...) is
 * written as {@code <id>.compact} holding every file committed so far. The same layout as Spark's, so Spark reads
 * what Sluice commits and the other way round. Not thread-safe: one writer (the sink's query thread); readers only
 * list and read.
 */
public final class FileSinkLog {
    public static final String METADATA_DIR = "_spark_metadata";
    static final String COMPACT_SUFFIX = ".compact";
    // Spark's spark.sql.streaming.fileSink.log.compactInterval default.
    static final int COMPACT_INTERVAL = 10;
    private static final String VERSION_LINE = "v1";
    private static final JsonFactory JSON = new JsonFactory();

    private final Path logDir;

    public FileSinkLog(Path outputDir) {
        this.logDir = requireNonNull(outputDir, "outputDir is null").resolve(METADATA_DIR);
    }

    /** Whether {@code dir} holds a file sink log, in which case only its committed files are data (Spark's rule). */
    public static boolean hasMetadata(Path dir) {
        return Files.isDirectory(dir.resolve(METADATA_DIR));
    }

    /** The data files a file sink committed into {@code dir}, in commit order; orphans of failed batches left out. */
    public static List<Path> committedFiles(Path dir) {
        List<Path> files = new ArrayList<>();
        for (SinkFileStatus status : new FileSinkLog(dir).allFiles()) {
            files.add(Path.of(URI.create(status.path())));
        }
        return files;
    }

    /** The highest committed batch id, or empty when nothing was committed. */
    public OptionalLong latestBatchId() {
        TreeMap<Long, Path> batches = batchFiles();
        return batches.isEmpty() ? OptionalLong.empty() : OptionalLong.of(batches.lastKey());
    }

    /**
     * Every file committed and not deleted, as Spark's {@code allFiles}: the latest compact file plus the batches
     * after it.
     */
    public List<SinkFileStatus> allFiles() {
        TreeMap<Long, Path> batches = batchFiles();
        List<SinkFileStatus> all = new ArrayList<>();
        Long start = null;
        for (Long id : batches.descendingKeySet()) {
            if (batches.get(id).getFileName().toString().endsWith(COMPACT_SUFFIX)) {
                start = id;
                break;
            }
        }
        for (Path file : (start == null ? batches : batches.tailMap(start, true)).values()) {
            all.addAll(read(file));
        }
        return withoutDeleted(all);
    }

    /**
     * Commits a batch: writes its entries under a temporary name and renames it into place, so a reader sees the whole
     * batch or none of it. A compaction batch also carries every entry since the previous compaction.
     *
     * @return false when the batch was already committed (by an earlier run of the same batch)
     */
    public boolean add(long batchId, List<SinkFileStatus> files) {
        boolean compaction = (batchId + 1) % COMPACT_INTERVAL == 0;
        Path target = logDir.resolve(batchId + (compaction ? COMPACT_SUFFIX : ""));
        if (Files.exists(target) || Files.exists(logDir.resolve(Long.toString(batchId)))) {
            return false;
        }
        List<SinkFileStatus> entries = new ArrayList<>();
        if (compaction) {
            TreeMap<Long, Path> batches = batchFiles();
            for (Path file : batches.subMap(Math.max(0, batchId - COMPACT_INTERVAL), batchId).values()) {
                entries.addAll(read(file));
            }
            entries = withoutDeleted(entries);
        }
        entries.addAll(files);
        try {
            Files.createDirectories(logDir);
            // Dot-prefixed, so neither Spark's listing nor ours takes the temporary file for a batch.
            Path temp = logDir.resolve("." + batchId + "." + UUID.randomUUID() + ".tmp");
            Files.writeString(temp, serialize(entries), StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** The batch files by batch id; names that are not numbers (temporary files, Hadoop's .crc files) are ignored. */
    private TreeMap<Long, Path> batchFiles() {
        TreeMap<Long, Path> batches = new TreeMap<>();
        if (!Files.isDirectory(logDir)) {
            return batches;
        }
        try (Stream<Path> listing = Files.list(logDir)) {
            listing.forEach(file -> {
                String name = file.getFileName().toString();
                String id = name.endsWith(COMPACT_SUFFIX) ? name.substring(0, name.length() - COMPACT_SUFFIX.length())
                        : name;
                if (!id.isEmpty() && id.chars().allMatch(Character::isDigit)) {
                    batches.put(Long.parseLong(id), file);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + logDir, e);
        }
        return batches;
    }

    private static List<SinkFileStatus> withoutDeleted(List<SinkFileStatus> entries) {
        Set<String> deleted = new LinkedHashSet<>();
        for (SinkFileStatus entry : entries) {
            if (SinkFileStatus.DELETE.equals(entry.action())) {
                deleted.add(entry.path());
            }
        }
        List<SinkFileStatus> kept = new ArrayList<>();
        for (SinkFileStatus entry : entries) {
            if (!deleted.contains(entry.path())) {
                kept.add(entry);
            }
        }
        return kept;
    }

    /** Spark's layout: the version line, then one JSON object per line, with no newline after the last. */
    static String serialize(List<SinkFileStatus> entries) {
        StringBuilder text = new StringBuilder(VERSION_LINE);
        for (SinkFileStatus entry : entries) {
            text.append('\n').append(toJson(entry));
        }
        return text.toString();
    }

    private static String toJson(SinkFileStatus entry) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("path", entry.path());
            json.writeNumberField("size", entry.size());
            json.writeBooleanField("isDir", entry.isDir());
            json.writeNumberField("modificationTime", entry.modificationTime());
            json.writeNumberField("blockReplication", entry.blockReplication());
            json.writeNumberField("blockSize", entry.blockSize());
            json.writeStringField("action", entry.action());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<SinkFileStatus> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (lines.isEmpty() || !lines.get(0).equals(VERSION_LINE)) {
            throw new IllegalStateException("not a version 1 file sink log: " + file);
        }
        List<SinkFileStatus> entries = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isEmpty()) {
                entries.add(fromJson(line, file));
            }
        }
        return entries;
    }

    private static SinkFileStatus fromJson(String line, Path file) {
        try {
            Map<String, Object> node = JsonValues.object(JsonValues.parse(line));
            if (node == null) {
                throw new IllegalStateException("bad line in file sink log " + file + ": " + line);
            }
            return new SinkFileStatus(JsonValues.text(node, "path", ""), JsonValues.number(node, "size", 0),
                    Boolean.TRUE.equals(node.get("isDir")), JsonValues.number(node, "modificationTime", 0),
                    (int) JsonValues.number(node, "blockReplication", 0), JsonValues.number(node, "blockSize", 0),
                    JsonValues.text(node, "action", SinkFileStatus.ADD));
        } catch (IOException e) {
            throw new UncheckedIOException("bad line in file sink log " + file, e);
        }
    }
}
