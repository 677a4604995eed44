package sluice.spark.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;

/**
 * A file sink's output folder as either engine leaves it, read two ways: through the sink's log
 * ({@code _spark_metadata}, one file per committed batch listing the part files it added; every tenth a
 * {@code .compact} file repeating all before it), and by Spark's batch reader, which reads only the files that log
 * lists.
 */
public final class SinkFolder {
    private static final String LOG = "_spark_metadata";
    private static final String COMPACT = ".compact";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SinkFolder() {
    }

    /** What one committed batch added: whether it listed any part file, and the lines of its part files. */
    public record BatchFiles(boolean hasFiles, List<String> lines) {
        public BatchFiles {
            lines = List.copyOf(lines);
        }
    }

    /**
     * For each committed batch id, what it added; lines keep their line separator and are sorted, because which
     * part file a row lands in follows the engine's partitions (part file names differ anyway, holding a random
     * UUID): two engines agree when their batches hold the same multiset of lines.
     */
    public static Map<Long, BatchFiles> batches(Path folder) {
        Map<Long, BatchFiles> batches = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (Map.Entry<Long, Path> batch : logFiles(folder.resolve(LOG)).entrySet()) {
            boolean hasFiles = false;
            List<String> lines = new ArrayList<>();
            for (String path : addedPaths(batch.getValue())) {
                // A compact file repeats the files of every batch before it.
                if (seen.add(path)) {
                    hasFiles = true;
                    lines.addAll(lines(Path.of(URI.create(path))));
                }
            }
            lines.sort(null);
            batches.put(batch.getKey(), new BatchFiles(hasFiles, lines));
        }
        return batches;
    }

    /**
     * The lines of a part file: a text file's own, each with its line feed; an ORC file's rows as Spark reads that
     * one file, as {@link RowText} lines (its bytes hold the writer's name and version, which differ).
     */
    private static List<String> lines(Path file) {
        if (!file.getFileName().toString().endsWith(".orc")) {
            return lines(read(file));
        }
        List<String> rows = new ArrayList<>();
        for (Row row : TestSpark.session().read().format("orc").load(file.toString()).collectAsList()) {
            rows.add(RowText.of(row) + "\n");
        }
        return rows;
    }

    /** The lines of {@code text}, each with its line feed (the last one may have none). */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
        return lines;
    }

    /** The part files the sink's log lists as committed, in commit order. */
    public static List<Path> committedFiles(Path folder) {
        List<Path> files = new ArrayList<>();
        for (Path logFile : logFiles(folder.resolve(LOG)).values()) {
            for (String path : addedPaths(logFile)) {
                Path file = Path.of(URI.create(path));
                if (!files.contains(file)) {
                    files.add(file);
                }
            }
        }
        return files;
    }

    /** The rows of the folder as {@code spark.read} reads them with the sink's options, as {@link RowText}. */
    public static List<String> readBack(Path folder, String format, Map<String, String> options, String schema) {
        List<String> rows = new ArrayList<>();
        for (Row row : TestSpark.session().read().format(format).options(options).schema(schema)
                .load(folder.toString()).collectAsList()) {
            rows.add(RowText.of(row));
        }
        return rows;
    }

    private static TreeMap<Long, Path> logFiles(Path log) {
        TreeMap<Long, Path> files = new TreeMap<>();
        if (!Files.isDirectory(log)) {
            return files;
        }
        try (Stream<Path> listing = Files.list(log)) {
            listing.forEach(file -> {
                String name = file.getFileName().toString();
                String id = name.endsWith(COMPACT) ? name.substring(0, name.length() - COMPACT.length()) : name;
                if (id.matches("\\d+")) {
                    files.put(Long.parseLong(id), file);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The paths of one log file's {@code add} entries, in its order, after its version line. */
    private static List<String> addedPaths(Path logFile) {
        List<String> lines = List.of(read(logFile).split("\n"));
        if (!lines.get(0).equals("v1")) {
            throw new AssertionError("not a version 1 file sink log: " + logFile);
        }
        List<String> paths = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            try {
                JsonNode entry = JSON.readTree(line);
                if (entry.path("action").asText().equals("add")) {
                    paths.add(entry.path("path").asText());
                }
            } catch (IOException e) {
                throw new AssertionError("bad entry in " + logFile + ": " + line, e);
            }
        }
        return paths;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
