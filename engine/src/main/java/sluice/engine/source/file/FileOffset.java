package sluice.engine.source.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The offset text of the file source, Spark's {@code FileStreamSourceOffset}: {@code {"logOffset":N}}. */
final class FileOffset {
    private static final ObjectMapper JSON = new ObjectMapper();

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
            JsonNode node = JSON.readTree(offset);
            // Spark 2.1 wrote the bare number; Spark reads both forms, so do we.
            JsonNode value = node.isNumber() ? node : node.get("logOffset");
            if (value == null || !value.canConvertToLong()) {
                throw new IllegalArgumentException("not a file source offset: " + offset);
            }
            return value.asLong();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a file source offset: " + offset, e);
        }
    }
}
