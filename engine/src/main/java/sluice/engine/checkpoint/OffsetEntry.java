package sluice.engine.checkpoint;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sluice.engine.json.JsonValues;

/**
 * One entry of the offsets log: the batch's timestamp and watermark, and each source's end offset (null for a
 * source without data yet), in the order of the plan's sources. Serialised as Spark's {@code OffsetSeqLog} entry:
 * {@code v1}, a metadata line, then one line per source ({@code -} for none).
 */
public record OffsetEntry(long batchTimestampMs, long batchWatermarkMs, List<String> offsets) {

    public OffsetEntry {
        requireNonNull(offsets, "offsets is null");
        offsets = Collections.unmodifiableList(new ArrayList<>(offsets));
    }

    public String serialize() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("batchWatermarkMs", batchWatermarkMs);
        metadata.put("batchTimestampMs", batchTimestampMs);
        metadata.put("conf", Map.of());
        StringBuilder text = new StringBuilder("v1\n").append(JsonValues.write(metadata, false)).append('\n');
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
            Map<String, Object> metadata = JsonValues.object(JsonValues.parse(lines.get(1)));
            if (metadata == null) {
                throw new IllegalStateException("offsets log entry has no metadata object");
            }
            List<String> offsets = new ArrayList<>();
            for (String line : lines.subList(2, lines.size())) {
                offsets.add(line.equals("-") ? null : line);
            }
            return new OffsetEntry(JsonValues.number(metadata, "batchTimestampMs", 0),
                    JsonValues.number(metadata, "batchWatermarkMs", 0), offsets);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("offsets log entry has bad metadata: " + e.getOriginalMessage(), e);
        }
    }
}
