package sluice.engine.source.file;

/**
 * Reads a file log line of the one shape Sluice and Spark write, {@code {"path":"…","timestamp":N,"batchId":N}}
 * with no spaces, a path without escapes and whole numbers, without a JSON parser: a compacted log has a line per file
 * ever seen. Any other line (spaces, another key order, an escape, a number that is not a plain long) is left to the
 * JSON parser, which reads every valid form and reports the damaged ones. Stateless.
 */
final class FileEntryLine {
    private static final String PATH = "{\"path\":\"";
    private static final String TIMESTAMP = ",\"timestamp\":";
    private static final String BATCH_ID = ",\"batchId\":";
    /** Digits of a long that cannot overflow; a longer number goes to the JSON parser. */
    private static final int MAX_DIGITS = 18;

    private FileEntryLine() {
    }

    /** The entry of {@code line}, or null when it is not in the exact shape. */
    static FileEntry parse(String line) {
        if (!line.startsWith(PATH)) {
            return null;
        }
        int end = PATH.length();
        while (end < line.length()) {
            char c = line.charAt(end);
            if (c == '"') {
                break;
            }
            if (c == '\\' || c < 0x20) {
                return null;
            }
            end++;
        }
        if (end == line.length() || !line.startsWith(TIMESTAMP, end + 1)) {
            return null;
        }
        int timestampStart = end + 1 + TIMESTAMP.length();
        int timestampEnd = numberEnd(line, timestampStart);
        if (timestampEnd < 0 || !line.startsWith(BATCH_ID, timestampEnd)) {
            return null;
        }
        int batchStart = timestampEnd + BATCH_ID.length();
        int batchEnd = numberEnd(line, batchStart);
        if (batchEnd != line.length() - 1 || line.charAt(batchEnd) != '}') {
            return null;
        }
        return new FileEntry(line.substring(PATH.length(), end), Long.parseLong(line, timestampStart, timestampEnd,
                10), Long.parseLong(line, batchStart, batchEnd, 10));
    }

    /** Where a JSON integer starting at {@code start} ends, or -1 when there is none that fits a long. */
    private static int numberEnd(String line, int start) {
        int at = start < line.length() && line.charAt(start) == '-' ? start + 1 : start;
        int digits = at;
        while (at < line.length() && line.charAt(at) >= '0' && line.charAt(at) <= '9') {
            at++;
        }
        int count = at - digits;
        if (count == 0 || count > MAX_DIGITS || count > 1 && line.charAt(digits) == '0') {
            return -1;
        }
        return at;
    }
}
