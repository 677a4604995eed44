package sluice.engine.source.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import sluice.engine.json.JsonValues;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;

/**
 * Mutable, owned by the query thread: which files belong to which log batch, as Spark's {@code FileStreamSourceLog}.
 * With a metadata folder every batch is the file {@code N} in it: a {@code v1} line, then one JSON line per file
 * ({@code {"path":"file:///…","timestamp":…,"batchId":N}}), written to a temporary file and renamed so a crash never
 * leaves half a batch. Without a folder the log lives in memory only. Spark compacts every tenth batch into
 * {@code N.compact}; we do not, so our folder holds only plain batch files (which Spark also reads).
 */
final class FileSourceLog {
    private static final String VERSION = "v1";
    private static final JsonFactory FACTORY = new JsonFactory();

    private final String nodeId;
    private final Path folder;
    private final TreeMap<Long, List<FileEntry>> batches = new TreeMap<>();

    private FileSourceLog(String nodeId, Path folder) {
        this.nodeId = nodeId;
        this.folder = folder;
    }

    /** The log in {@code folder} (null: in memory), with every batch already written there. */
    static FileSourceLog open(String nodeId, Path folder) {
        FileSourceLog log = new FileSourceLog(nodeId, folder);
        if (folder != null && Files.isDirectory(folder)) {
            log.readAll();
        }
        return log;
    }

    private void readAll() {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.matches("\\d+")) {
                    batches.put(Long.parseLong(name), read(file));
                }
            }
        } catch (IOException e) {
            throw failure("cannot read the file log in '%s': %s", folder, e.getMessage());
        }
    }

    private List<FileEntry> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(VERSION)) {
            throw failure("file log '%s' does not start with '%s'; it was written by another version", file, VERSION);
        }
        List<FileEntry> entries = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> node = JsonValues.object(JsonValues.parse(line));
            if (node == null || !(node.get("path") instanceof String path)) {
                throw failure("file log '%s' has a line that is not a file entry: %s", file, line);
            }
            entries.add(new FileEntry(path, JsonValues.number(node, "timestamp", 0),
                    JsonValues.number(node, "batchId", 0)));
        }
        return List.copyOf(entries);
    }

    /** The newest batch number, or -1 when the log is empty. */
    long latestBatchId() {
        return batches.isEmpty() ? -1 : batches.lastKey();
    }

    /** Every file of every batch, oldest batch first. */
    List<FileEntry> allFiles() {
        List<FileEntry> all = new ArrayList<>();
        batches.values().forEach(all::addAll);
        return all;
    }

    /** The files of batch {@code batchId}, or empty when the log does not hold it. */
    Optional<List<FileEntry>> get(long batchId) {
        return Optional.ofNullable(batches.get(batchId));
    }

    /** Records a new batch; as Spark, a batch already in the log is kept as it is. */
    void add(long batchId, List<FileEntry> entries) {
        if (batches.containsKey(batchId)) {
            return;
        }
        List<FileEntry> copy = List.copyOf(entries);
        if (folder != null) {
            write(batchId, copy);
        }
        batches.put(batchId, copy);
    }

    private void write(long batchId, List<FileEntry> entries) {
        try {
            Files.createDirectories(folder);
            StringWriter text = new StringWriter();
            text.write(VERSION);
            for (FileEntry entry : entries) {
                text.write('\n');
                try (JsonGenerator json = FACTORY.createGenerator(text)) {
                    json.writeStartObject();
                    json.writeStringField("path", entry.path());
                    json.writeNumberField("timestamp", entry.timestamp());
                    json.writeNumberField("batchId", entry.batchId());
                    json.writeEndObject();
                }
            }
            Path target = folder.resolve(Long.toString(batchId));
            Path temporary = folder.resolve("." + batchId + ".tmp");
            Files.writeString(temporary, text.toString(), StandardCharsets.UTF_8);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw failure("cannot write the file log in '%s': %s", folder, e.getMessage());
        }
    }

    private RuntimeException failure(String format, Object... args) {
        return Problem.of(ErrorCode.CHECKPOINT_FAILED, Position.node(nodeId), format, args).toException();
    }
}
