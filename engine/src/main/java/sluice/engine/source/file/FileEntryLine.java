package sluice.engine.source.file;

import java.nio.charset.StandardCharsets;

/**
 * Reads a file log line of the one shape Sluice and Spark write, {@code {"path":"…","timestamp":N,"batchId":N}}
 * with no spaces, a printable ASCII path without escapes and whole numbers, straight from the file's bytes without a
 * JSON parser: a compacted log has a line per file ever seen. Any other line (spaces, another key order, an escape,
 * a byte outside printable ASCII, a number that is not a plain long) is left to the JSON parser, which reads every
 * valid form and reports the damaged ones. Stateless.
 */
final class FileEntryLine {
    private static final byte[] PATH = ascii("{\"path\":\"");
    private static final byte[] TIMESTAMP = ascii(",\"timestamp\":");
    private static final byte[] BATCH_ID = ascii(",\"batchId\":");
    /** Digits of a long that cannot overflow; a longer number goes to the JSON parser. */
    private static final int MAX_DIGITS = 18;

    private FileEntryLine() {
    }

    /** The entry of the line in {@code bytes} from {@code start} to {@code end}, or null when not in the shape. */
    static FileEntry parse(byte[] bytes, int start, int end) {
        int at = expect(bytes, start, end, PATH);
        if (at < 0) {
            return null;
        }
        int pathStart = at;
        while (at < end && bytes[at] != '"') {
            // Printable ASCII only: an escape, a control character or a UTF-8 sequence goes to the JSON parser.
            if (bytes[at] < 0x20 || bytes[at] == 0x7f || bytes[at] == '\\') {
                return null;
            }
            at++;
        }
        int pathEnd = at;
        at = expect(bytes, at + 1, end, TIMESTAMP);
        int digitsEnd = at < 0 ? -1 : integerEnd(bytes, at, end);
        if (digitsEnd < 0) {
            return null;
        }
        long timestamp = parseLong(bytes, at, digitsEnd);
        at = expect(bytes, digitsEnd, end, BATCH_ID);
        digitsEnd = at < 0 ? -1 : integerEnd(bytes, at, end);
        if (digitsEnd < 0 || digitsEnd != end - 1 || bytes[digitsEnd] != '}') {
            return null;
        }
        // ISO-8859-1 of printable ASCII is the UTF-8 text, made without a decoder.
        return new FileEntry(new String(bytes, pathStart, pathEnd - pathStart, StandardCharsets.ISO_8859_1),
                timestamp, parseLong(bytes, at, digitsEnd));
    }

    /** Where {@code expected} ends when the bytes at {@code at} are it, else -1. */
    private static int expect(byte[] bytes, int at, int end, byte[] expected) {
        if (at < 0 || end - at < expected.length) {
            return -1;
        }
        for (int i = 0; i < expected.length; i++) {
            if (bytes[at + i] != expected[i]) {
                return -1;
            }
        }
        return at + expected.length;
    }

    /** Where a JSON integer that fits a long, starting at {@code start}, ends; -1 when there is none. */
    private static int integerEnd(byte[] bytes, int start, int end) {
        int digits = start < end && bytes[start] == '-' ? start + 1 : start;
        int at = digits;
        while (at < end && bytes[at] >= '0' && bytes[at] <= '9') {
            at++;
        }
        int count = at - digits;
        return count < 1 || count > MAX_DIGITS || count > 1 && bytes[digits] == '0' ? -1 : at;
    }

    private static long parseLong(byte[] bytes, int start, int end) {
        boolean negative = bytes[start] == '-';
        long value = 0;
        for (int i = negative ? start + 1 : start; i < end; i++) {
            value = value * 10 + (bytes[i] - '0');
        }
        return negative ? -value : value;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
