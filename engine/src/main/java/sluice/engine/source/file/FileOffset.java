package sluice.engine.source.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Map;
import sluice.engine.json.JsonValues;

/** The offset text of the file source, Spark's {@code FileStreamSourceOffset}: {@code {"logOffset":N}}. */
final class FileOffset {
    private FileOffset() {
    }

    static String format(long logOffset) {
        return "{\"logOffset\":" + logOffset + "}";
    }

    /** The log batch of an offset; -1 for null ("before any data"). */
    static long parse(String offset) {
        if (offset == null) {
            return -1;
        }
        try {
            Object node = JsonValues.parse(offset);
            // Spark 2.1 wrote the bare number; Spark reads both forms, so do we.
            Map<String, Object> object = JsonValues.object(node);
            Object value = object == null ? node : object.get("logOffset");
            if (!(value instanceof Long number)) {
                throw new IllegalArgumentException("not a file source offset: " + offset);
            }
            return number;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a file source offset: " + offset, e);
        }
    }
}
