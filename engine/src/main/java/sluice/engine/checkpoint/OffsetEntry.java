package sluice.engine.checkpoint;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One entry of the offsets log: the batch's timestamp and watermark, and each source's end offset (null for a
 * source without data yet), in the order of the plan's sources. Serialised as Spark's {@code OffsetSeqLog} entry:
 * {@code v1}, a metadata line, then one line per source ({@code -} for none).
 */
public record OffsetEntry(long batchTimestampMs, long batchWatermarkMs, List<String> offsets) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public OffsetEntry {
        requireNonNull(offsets, "offsets is null");
        offsets = Collections.unmodifiableList(new ArrayList<>(offsets));
    }

    public String serialize() {
        ObjectNode metadata = JSON.createObjectNode();
        metadata.put("batchWatermarkMs", batchWatermarkMs);
        metadata.put("batchTimestampMs", batchTimestampMs);
        metadata.putObject("conf");
        StringBuilder text = new StringBuilder("v1\n").append(metadata).append('\n');
        for (int i = 0; i < offsets.size(); i++) {
            text.append(offsets.get(i) == null ? "-" : offsets.get(i));
            if (i < offsets.size() - 1) {
                text.append('\n');
            }
        }
        return text.toString();
    }

    public static OffsetEntry parse(String text) {
        List<String> lines = text.lines().toList();
        if (lines.size() < 2 || !lines.get(0).startsWith("v")) {
            throw new IllegalStateException("offsets log entry has no version line");
        }
        try {
            JsonNode metadata = JSON.readTree(lines.get(1));
            List<String> offsets = new ArrayList<>();
            for (String line : lines.subList(2, lines.size())) {
                offsets.add(line.equals("-") ? null : line);
            }
            return new OffsetEntry(metadata.path("batchTimestampMs").asLong(),
                    metadata.path("batchWatermarkMs").asLong(), offsets);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("offsets log entry has bad metadata: " + e.getOriginalMessage(), e);
        }
    }
}
