package sluice.engine.checkpoint;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sluice.engine.json.JsonValues;

/**
 * One entry of the offsets log: the batch's timestamp and watermark, the session settings Spark keeps with them
 * ({@code conf}), and each source's end offset (null for a source without data yet), in the order of the plan's
 * sources. Serialised as Spark's {@code OffsetSeqLog} entry: {@code v1}, a metadata line, then one line per source
 * ({@code -} for none).
 */
public record OffsetEntry(long batchTimestampMs, long batchWatermarkMs, List<String> offsets,
                          Map<String, String> conf) {
    static final int VERSION = 1;

    public OffsetEntry {
        requireNonNull(offsets, "offsets is null");
        requireNonNull(conf, "conf is null");
        offsets = Collections.unmodifiableList(new ArrayList<>(offsets));
        conf = Collections.unmodifiableMap(new LinkedHashMap<>(conf));
    }

    /** An entry without settings of its own; the checkpoint fills in those it resumed with. */
    public OffsetEntry(long batchTimestampMs, long batchWatermarkMs, List<String> offsets) {
        this(batchTimestampMs, batchWatermarkMs, offsets, Map.of());
    }

    public OffsetEntry withConf(Map<String, String> settings) {
        return new OffsetEntry(batchTimestampMs, batchWatermarkMs, offsets, settings);
    }

    public String serialize() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("batchWatermarkMs", batchWatermarkMs);
        metadata.put("batchTimestampMs", batchTimestampMs);
        metadata.put("conf", new LinkedHashMap<>(conf));
        StringBuilder text = new StringBuilder("v" + VERSION + "\n").append(JsonValues.write(metadata, false));
        for (String offset : offsets) {
            text.append('\n').append(offset == null ? "-" : offset);
        }
        return text.toString();
    }

    /** Reads an entry as Spark's {@code OffsetSeqLog} does; a damaged one is a problem naming {@code file}. */
    static OffsetEntry parse(String text, Path file, LogOwner owner) {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty()) {
            throw owner.fail("file '%s' is damaged: it is empty", file);
        }
        LogVersion.check(lines.get(0), VERSION, file, owner);
        if (lines.size() < 2) {
            throw owner.fail("file '%s' is damaged: it ends after the version line", file);
        }
        Map<String, Object> metadata = metadata(lines.get(1).strip(), file, owner);
        Map<String, String> conf = new LinkedHashMap<>();
        Map<String, Object> confJson = JsonValues.object(metadata.get("conf"));
        if (confJson != null) {
            confJson.forEach((key, value) -> conf.put(key, value == null ? null : JsonValues.scalarText(value)));
        }
        List<String> offsets = new ArrayList<>();
        for (int i = 2; i < lines.size(); i++) {
            String line = lines.get(i);
            offsets.add(line.equals("-") ? null : offset(line, i + 1, file, owner));
        }
        return new OffsetEntry(number(metadata, "batchTimestampMs", file, owner),
                number(metadata, "batchWatermarkMs", file, owner), offsets, conf);
    }

    private static Map<String, Object> metadata(String line, Path file, LogOwner owner) {
        if (line.isEmpty()) {
            return Map.of();
        }
        try {
            Map<String, Object> metadata = JsonValues.object(JsonValues.parse(line));
            if (metadata != null) {
                return metadata;
            }
        } catch (JsonProcessingException e) {
            // Reported below, the same way as JSON that is not an object.
        }
        throw owner.fail("file '%s' is damaged: line 2 is not a JSON object: '%s'", file,
                LogVersion.abbreviated(line));
    }

    private static String offset(String line, int lineNumber, Path file, LogOwner owner) {
        try {
            if (!line.isBlank()) {
                JsonValues.parse(line);
                return line;
            }
        } catch (JsonProcessingException e) {
            // Reported below, the same way as a blank line.
        }
        throw owner.fail("file '%s' is damaged: line %d is not an offset (JSON): '%s'", file, lineNumber,
                LogVersion.abbreviated(line));
    }

    private static long number(Map<String, Object> metadata, String field, Path file, LogOwner owner) {
        Object value = metadata.get(field);
        if (value == null) {
            return 0;
        }
        if (!(value instanceof Long number)) {
            throw owner.fail("file '%s' is damaged: '%s' is not a whole number", file, field);
        }
        return number;
    }
}
