package sluice.engine.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sluice.engine.json.JsonValues;

/**
 * What one micro-batch did, with the fields of Spark's {@code StreamingQueryProgress}: ids, batch id, rows in,
 * rates, the duration of each phase in ms, each source's offsets and the sink's rows; and, beyond Spark's, the rows
 * out of every node (what the workbench writes on its edges) and each file source's files, bytes and malformed
 * records. Immutable.
 */
public record QueryProgress(String id, String runId, String name, String timestamp, long batchId,
                            long numInputRows, double inputRowsPerSecond, double processedRowsPerSecond,
                            Map<String, Long> durationMs, List<SourceProgress> sources, List<SinkProgress> sinks,
                            Map<String, Long> numRowsByNode, Map<String, SourceInput> inputByNode) {
    public QueryProgress {
        inputByNode = Collections.unmodifiableMap(new LinkedHashMap<>(inputByNode));
        durationMs = Collections.unmodifiableMap(new LinkedHashMap<>(durationMs));
        sources = List.copyOf(sources);
        sinks = List.copyOf(sinks);
        numRowsByNode = Collections.unmodifiableMap(new LinkedHashMap<>(numRowsByNode));
    }

    /** One source's part of a batch. Offsets are JSON text, null when absent. */
    public record SourceProgress(String description, String startOffset, String endOffset, long numInputRows,
                                 double inputRowsPerSecond, double processedRowsPerSecond) {}

    /** Without Sluice's input figures (a source that has none, a test's progress). */
    public QueryProgress(String id, String runId, String name, String timestamp, long batchId, long numInputRows,
                         double inputRowsPerSecond, double processedRowsPerSecond, Map<String, Long> durationMs,
                         List<SourceProgress> sources, List<SinkProgress> sinks, Map<String, Long> numRowsByNode) {
        this(id, runId, name, timestamp, batchId, numInputRows, inputRowsPerSecond, processedRowsPerSecond,
                durationMs, sources, sinks, numRowsByNode, Map.of());
    }

    /**
     * Sluice's figures of one source's input in a batch, beyond Spark's rows: files and bytes read (a file source)
     * and malformed records kept as nulls. The workbench shows them; {@link #toJson} leaves them out, so the JSON
     * keeps the shape of Spark's.
     */
    public record SourceInput(long files, long bytes, long malformedRecords) {
        public static SourceInput of(sluice.engine.source.InputFigures figures) {
            return new SourceInput(figures.files(), figures.bytes(), figures.malformedRecords());
        }
    }

    /** One sink's part of a batch. */
    public record SinkProgress(String description, long numOutputRows) {}

    /** The batch's duration from the start of the trigger to its commit. */
    public long triggerExecutionMs() {
        return durationMs.getOrDefault("triggerExecution", 0L);
    }

    /** One line of JSON in the shape of Spark's progress JSON (offsets embedded as JSON values). */
    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("id", id);
        root.put("runId", runId);
        root.put("name", name);
        root.put("timestamp", timestamp);
        root.put("batchId", batchId);
        root.put("numInputRows", numInputRows);
        root.put("inputRowsPerSecond", inputRowsPerSecond);
        root.put("processedRowsPerSecond", processedRowsPerSecond);
        root.put("durationMs", new LinkedHashMap<String, Object>(durationMs));
        List<Object> sourceList = new ArrayList<>();
        for (SourceProgress source : sources) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("description", source.description());
            node.put("startOffset", offset(source.startOffset()));
            node.put("endOffset", offset(source.endOffset()));
            node.put("numInputRows", source.numInputRows());
            node.put("inputRowsPerSecond", source.inputRowsPerSecond());
            node.put("processedRowsPerSecond", source.processedRowsPerSecond());
            sourceList.add(node);
        }
        root.put("sources", sourceList);
        List<Object> sinkList = new ArrayList<>();
        for (SinkProgress sink : sinks) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("description", sink.description());
            node.put("numOutputRows", sink.numOutputRows());
            sinkList.add(node);
        }
        root.put("sinks", sinkList);
        if (!sinkList.isEmpty()) {
            root.put("sink", sinkList.get(0));
        }
        root.put("numRowsByNode", new LinkedHashMap<String, Object>(numRowsByNode));
        return JsonValues.write(root, false);
    }

    /** An offset is already JSON text (Spark embeds it as a value); null stays null. */
    private static Object offset(String offset) {
        return offset == null ? null : new JsonValues.RawJson(offset);
    }
}
