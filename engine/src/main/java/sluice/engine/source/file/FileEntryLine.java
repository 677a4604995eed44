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
        // indexOf and startsWith rather than a loop over the characters: a restart runs this before the JIT has
        // compiled much, and those are intrinsics.
        if (!line.startsWith(PATH)) {
            return null;
        }
        int end = line.indexOf('"', PATH.length());
        if (end < 0 || !line.startsWith(TIMESTAMP, end + 1)) {
            return null;
        }
        int escape = line.indexOf('\\', PATH.length());
        if (escape >= 0 && escape < end || hasControlCharacter(line, PATH.length(), end)) {
            return null;
        }
        int timestampStart = end + 1 + TIMESTAMP.length();
        int timestampEnd = line.indexOf(',', timestampStart);
        if (timestampEnd < 0 || !line.startsWith(BATCH_ID, timestampEnd)) {
            return null;
        }
        int batchStart = timestampEnd + BATCH_ID.length();
        int batchEnd = line.length() - 1;
        if (line.charAt(batchEnd) != '}' || !isInteger(line, timestampStart, timestampEnd)
                || !isInteger(line, batchStart, batchEnd)) {
            return null;
        }
        return new FileEntry(line.substring(PATH.length(), end), Long.parseLong(line, timestampStart, timestampEnd,
                10), Long.parseLong(line, batchStart, batchEnd, 10));
    }

    /** JSON forbids raw control characters in a string; the JSON parser reports them. */
    private static boolean hasControlCharacter(String line, int start, int end) {
        for (int i = start; i < end; i++) {
            if (line.charAt(i) < 0x20) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code line} holds a JSON integer that fits a long from {@code start} to {@code end}. */
    private static boolean isInteger(String line, int start, int end) {
        int digits = start < end && line.charAt(start) == '-' ? start + 1 : start;
        int count = end - digits;
        if (count < 1 || count > MAX_DIGITS || count > 1 && line.charAt(digits) == '0') {
            return false;
        }
        for (int i = digits; i < end; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
