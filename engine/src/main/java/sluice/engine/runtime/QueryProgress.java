package sluice.engine.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one micro-batch did, with the fields of Spark's {@code StreamingQueryProgress}: ids, batch id, rows in,
 * rates, the duration of each phase in ms, each source's offsets and the sink's rows; and, beyond Spark's, the rows
 * out of every node (what the workbench writes on its edges). Immutable.
 */
public record QueryProgress(String id, String runId, String name, String timestamp, long batchId,
                            long numInputRows, double inputRowsPerSecond, double processedRowsPerSecond,
                            Map<String, Long> durationMs, List<SourceProgress> sources, List<SinkProgress> sinks,
                            Map<String, Long> numRowsByNode) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public QueryProgress {
        durationMs = Collections.unmodifiableMap(new LinkedHashMap<>(durationMs));
        sources = List.copyOf(sources);
        sinks = List.copyOf(sinks);
        numRowsByNode = Collections.unmodifiableMap(new LinkedHashMap<>(numRowsByNode));
    }

    /** One source's part of a batch. Offsets are JSON text, null when absent. */
    public record SourceProgress(String description, String startOffset, String endOffset, long numInputRows,
                                 double inputRowsPerSecond, double processedRowsPerSecond) {}

    /** One sink's part of a batch. */
    public record SinkProgress(String description, long numOutputRows) {}

    /** The batch's duration from the start of the trigger to its commit. */
    public long triggerExecutionMs() {
        return durationMs.getOrDefault("triggerExecution", 0L);
    }

    /** One line of JSON in the shape of Spark's progress JSON (offsets embedded as JSON values). */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", id);
        root.put("runId", runId);
        root.put("name", name);
        root.put("timestamp", timestamp);
        root.put("batchId", batchId);
        root.put("numInputRows", numInputRows);
        root.put("inputRowsPerSecond", inputRowsPerSecond);
        root.put("processedRowsPerSecond", processedRowsPerSecond);
        ObjectNode durations = root.putObject("durationMs");
        durationMs.forEach(durations::put);
        ArrayNode sourceArray = root.putArray("sources");
        for (SourceProgress source : sources) {
            ObjectNode node = sourceArray.addObject();
            node.put("description", source.description());
            node.set("startOffset", offsetNode(source.startOffset()));
            node.set("endOffset", offsetNode(source.endOffset()));
            node.put("numInputRows", source.numInputRows());
            node.put("inputRowsPerSecond", source.inputRowsPerSecond());
            node.put("processedRowsPerSecond", source.processedRowsPerSecond());
        }
        List<SinkProgress> sinkList = new ArrayList<>(sinks);
        ArrayNode sinkArray = root.putArray("sinks");
        for (SinkProgress sink : sinkList) {
            sinkArray.addObject().put("description", sink.description()).put("numOutputRows", sink.numOutputRows());
        }
        if (!sinkList.isEmpty()) {
            root.set("sink", sinkArray.get(0).deepCopy());
        }
        ObjectNode byNode = root.putObject("numRowsByNode");
        numRowsByNode.forEach(byNode::put);
        return root.toString();
    }

    private static com.fasterxml.jackson.databind.JsonNode offsetNode(String offset) {
        if (offset == null) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(offset);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(offset);
        }
    }
}
