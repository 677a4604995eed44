package sluice.engine.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import sluice.engine.json.JsonValues;

/**
 * One entry of the commit log, Spark's {@code CommitMetadata}: written after a batch's sinks finished, holding the
 * watermark the next batch starts with. Serialised as {@code v1} and one JSON line.
 */
public record CommitEntry(long nextBatchWatermarkMs) {
    // Spark's spark.sql.streaming.stateStore.checkpointFormatVersion default; its commit log accepts only that one.
    static final int VERSION = 1;

    public String serialize() {
        return "v" + VERSION + "\n{\"nextBatchWatermarkMs\":" + nextBatchWatermarkMs + "}";
    }

    /** Reads an entry as Spark's {@code CommitLog} does; a damaged one is a problem naming {@code file}. */
    static CommitEntry parse(String text, Path file, LogOwner owner) {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty()) {
            throw owner.fail("file '%s' is damaged: it is empty", file);
        }
        LogVersion.checkExact(lines.get(0), VERSION, file, owner);
        // Spark reads a missing metadata line as {}.
        String json = lines.size() < 2 ? "{}" : lines.get(1).strip();
        Map<String, Object> metadata = null;
        try {
            metadata = JsonValues.object(JsonValues.parse(json));
        } catch (JsonProcessingException e) {
            // Reported below, the same way as JSON that is not an object.
        }
        if (metadata == null) {
            throw owner.fail("file '%s' is damaged: line 2 is not a JSON object: '%s'", file,
                    LogVersion.abbreviated(json));
        }
        Object watermark = metadata.getOrDefault("nextBatchWatermarkMs", 0L);
        if (!(watermark instanceof Long value)) {
            throw owner.fail("file '%s' is damaged: 'nextBatchWatermarkMs' is not a whole number", file);
        }
        return new CommitEntry(value);
    }
}
