package sluice.spark.compat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one engine did with one pipeline: per sink node, its batches (schema and rows as {@link RowText}); the text
 * of its console sinks; its memory tables; and how it failed ({@code rejected} before running, {@code failure} while
 * running: an error class such as DIVIDE_BY_ZERO), or nulls when it ran to the end.
 */
record Outcome(Map<String, List<BatchData>> batches, Map<String, String> console, Map<String, List<String>> memory,
               String rejected, String failure) {
    Outcome {
        batches = new TreeMap<>(batches);
        console = new TreeMap<>(console);
        memory = new TreeMap<>(memory);
    }

    static Outcome rejected(String reason) {
        return new Outcome(Map.of(), Map.of(), Map.of(), reason, null);
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
}
