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
import sluice.engine.source.SourceContext;
import sluice.engine.source.file.parquet.ParquetFormat;
import sluice.engine.source.file.parquet.ParquetInference;

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
     * UUID): two engines agree when their batches hold the same multiset of lines, each prefixed with its file's
     * partition folder when the sink has partitionBy.
     */
    public static Map<Long, BatchFiles> batches(Path folder) {
        return batches(folder, "csv");
    }

    /**
     * As {@link #batches(Path)}, for a folder of {@code format} files: a binary format's part file (Parquet) holds
     * as lines its rows as Spark reads that one file, as {@link RowText}, since its bytes differ with the writer.
     */
    public static Map<Long, BatchFiles> batches(Path folder, String format) {
        boolean binary = isBinary(format);
        Map<Long, BatchFiles> batches = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (Map.Entry<Long, Path> batch : logFiles(folder.resolve(LOG)).entrySet()) {
            boolean hasFiles = false;
            List<String> lines = new ArrayList<>();
            for (String path : addedPaths(batch.getValue())) {
                // A compact file repeats the files of every batch before it.
                if (seen.add(path)) {
                    hasFiles = true;
                    Path file = Path.of(URI.create(path).getPath());
                    // With partitionBy, the partition folder is part of what a line says.
                    Path parent = folder.toAbsolutePath().relativize(file.getParent());
                    String prefix = parent.toString().isEmpty() ? "" : parent + " | ";
                    for (String line : binary ? rowsOf(file, format) : lines(read(file))) {
                        lines.add(prefix + line);
                    }
                }
            }
            lines.sort(null);
            batches.put(batch.getKey(), new BatchFiles(hasFiles, lines));
        }
        return batches;
    }

    /** Whether files of {@code format} are binary, compared by their rows rather than their lines. */
    public static boolean isBinary(String format) {
        return format.equalsIgnoreCase("parquet") || format.equalsIgnoreCase("orc");
    }

    private static List<String> rowsOf(Path file, String format) {
        List<String> rows = new ArrayList<>();
        for (Row row : TestSpark.session().read().format(format).load(file.toString()).collectAsList()) {
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
                Path file = Path.of(URI.create(path).getPath());
                if (!files.contains(file)) {
                    files.add(file);
                }
            }
        }
        return files;
    }

    /**
     * Sluice reads the committed files of a folder (whichever engine wrote it) as Spark's {@code spark.read} reads
     * the folder with no schema given: the same inferred schema and the same rows.
     */
    public static void assertSluiceReadsAsSpark(String where, Path folder, String format) {
        org.apache.spark.sql.Dataset<Row> spark = TestSpark.session().read().format(format).load(folder.toString());
        List<Path> files = committedFiles(folder);
        files.sort(null);
        if (files.stream().anyMatch(file -> !folder.toAbsolutePath().equals(file.getParent()))) {
            // Partition folders: their columns come from the folder names, which the file source's discovery reads
            // (the parquet/partitioned case reads such a folder of Spark's through the whole source); the rows
            // Spark reads back are compared by the suite's read-back of the sink's output.
            return;
        }
        sluice.engine.types.Schema schema = ParquetInference.infer("read-back", files, true);
        org.assertj.core.api.Assertions.assertThat(schema.simpleString())
                .as("%s: the schema Sluice reads from %s", where, folder).isEqualTo(spark.schema().simpleString());
        List<String> sluiceRows = new ArrayList<>();
        SourceContext context = new SourceContext("read-back", null, java.time.Clock.systemUTC(),
                java.time.ZoneOffset.UTC);
        for (Path file : files) {
            for (sluice.engine.types.Row row : new ParquetFormat(schema).read(file, context).rows()) {
                sluiceRows.add(RowText.of(row));
            }
        }
        List<String> sparkRows = new ArrayList<>();
        for (Row row : spark.collectAsList()) {
            sparkRows.add(RowText.of(row));
        }
        org.assertj.core.api.Assertions.assertThat(RowText.sorted(sluiceRows))
                .as("%s: the rows Sluice reads from %s", where, folder)
                .containsExactlyElementsOf(RowText.sorted(sparkRows));
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
            // Lenient: a sink with another encoding writes files that are not UTF-8; both engines' bytes compare.
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
