package sluice.spark.compat;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one engine did with one pipeline: per sink node, its batches (schema and rows as {@link RowText}); the text
 * of its console sinks; its memory tables; the output folders of its file sinks; and how it stopped early
 * ({@code rejected} before running, {@code failure} while running, after the batches listed), or nulls when it ran to
 * the end.
 */
record Outcome(Map<String, List<BatchData>> batches, Map<String, String> console, Map<String, List<String>> memory,
               Map<String, FileOutput> files, Stop rejected, Stop failure) {
    Outcome {
        batches = new TreeMap<>(batches);
        console = new TreeMap<>(console);
        memory = new TreeMap<>(memory);
        files = new TreeMap<>(files);
    }

    static Outcome rejected(Stop reason) {
        return new Outcome(Map.of(), Map.of(), Map.of(), Map.of(), reason, null);
    }

    /** One micro-batch that reached a sink. */
    record BatchData(long batchId, String schema, List<String> rows) {
        BatchData {
            rows = List.copyOf(rows);
        }

        @Override
        public String toString() {
            return "batch " + batchId + " " + schema + " " + rows;
        }
    }

    /**
     * A file sink's output folder, and the schema of the rows the sink received as DDL, to read the folder back with
     * (null when no batch reached the sink).
     */
    record FileOutput(Path folder, String schema) {
        FileOutput {
            requireNonNull(folder, "folder is null");
        }
    }

    /**
     * Why an engine refused or stopped a pipeline. {@code classes}: on Spark, the error classes along the cause chain,
     * outermost first, without the STREAM_FAILED wrapper; on Sluice, the error code and, when the message starts
     * with one in brackets, the Spark error class it names.
     */
    record Stop(List<String> classes, String message) {
        Stop {
            classes = List.copyOf(classes);
            requireNonNull(message, "message is null");
        }

        @Override
        public String toString() {
            return classes + " " + message;
        }
    }
}
