package sluice.engine.expr.compile;

import java.util.Arrays;
import sluice.engine.types.Bytes;

/**
 * Spark's rules for cutting strings and binaries at positions: 1 is the first character (code point) or byte, 0 acts
 * as 1, a negative position counts from the end, and lengths are clamped rather than failing. Stateless.
 */
final class Positions {
    private Positions() {
    }

    /** The [start, end) range of Spark's substring in a sequence of {@code length} items, or null when empty. */
    private static int[] range(int length, long pos, long len) {
        long start = pos > 0 ? pos - 1 : pos < 0 ? length + pos : 0;
        long end = Math.max(Math.min(start + len, Integer.MAX_VALUE), Integer.MIN_VALUE);
        start = Math.max(start, 0);
        end = Math.min(end, length);
        return start >= end ? null : new int[] {(int) start, (int) end};
    }

    static String substring(String text, long pos, long len) {
        int count = text.codePointCount(0, text.length());
        int[] range = range(count, pos, len);
        if (range == null) {
            return "";
        }
        return text.substring(text.offsetByCodePoints(0, range[0]), text.offsetByCodePoints(0, range[1]));
    }

    static Bytes bytes(Bytes value, long pos, long len) {
        int[] range = range(value.length(), pos, len);
        return range == null ? Bytes.EMPTY : Bytes.of(Arrays.copyOfRange(value.toArray(), range[0], range[1]));
    }

    /** overlay: the input up to pos, then replace, then the input from pos + len (len < 0: replace's length). */
    static String overlay(String input, String replace, long pos, long len) {
        long length = len >= 0 ? len : replace.codePointCount(0, replace.length());
        return substring(input, 1, pos - 1) + replace + substring(input, pos + length, Integer.MAX_VALUE);
    }

    static Bytes overlay(Bytes input, Bytes replace, long pos, long len) {
        long length = len >= 0 ? len : replace.length();
        byte[] head = bytes(input, 1, pos - 1).toArray();
        byte[] middle = replace.toArray();
        byte[] tail = bytes(input, pos + length, Integer.MAX_VALUE).toArray();
        byte[] out = Arrays.copyOf(head, head.length + middle.length + tail.length);
        System.arraycopy(middle, 0, out, head.length, middle.length);
        System.arraycopy(tail, 0, out, head.length + middle.length, tail.length);
        return Bytes.of(out);
    }

    /** lpad and rpad in characters: cut to {@code length}, or filled with repeats of pad (none when it is empty). */
    static String pad(String text, long length, String pad, boolean left) {
        int count = text.codePointCount(0, text.length());
        if (length <= count || pad.isEmpty()) {
            return substring(text, 1, Math.max(length, 0));
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw RowFailure.invalidArgument("a padded string of " + length + " characters is more than a string can "
                    + "hold");
        }
        int[] fill = pad.codePoints().toArray();
        StringBuilder padding = new StringBuilder();
        for (long i = 0; i < length - count; i++) {
            padding.appendCodePoint(fill[(int) (i % fill.length)]);
        }
        return left ? padding + text : text + padding;
    }

    static Bytes pad(Bytes value, long length, Bytes pad, boolean left) {
        if (length <= value.length() || pad.length() == 0) {
            return bytes(value, 1, Math.max(length, 0));
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw RowFailure.invalidArgument("a padded binary of " + length + " bytes is more than a binary can hold");
        }
        byte[] out = new byte[(int) length];
        byte[] fill = pad.toArray();
        int count = (int) length - value.length();
        System.arraycopy(value.toArray(), 0, out, left ? count : 0, value.length());
        int from = left ? 0 : value.length();
        for (int i = 0; i < count; i++) {
            out[from + i] = fill[i % fill.length];
        }
        return Bytes.of(out);
    }

    /** locate: the 1-based position of needle in text at or after 1-based start, 0 when absent or start < 1. */
    static long locate(String text, String needle, long start) {
        if (start < 1) {
            return 0;
        }
        if (needle.isEmpty()) {
            // Spark finds the empty string at the first position, whatever the start.
            return 1;
        }
        int count = text.codePointCount(0, text.length());
        if (start - 1 > count) {
            return 0;
        }
        int from = text.offsetByCodePoints(0, (int) (start - 1));
        int found = text.indexOf(needle, from);
        return found < 0 ? 0 : text.codePointCount(0, found) + 1;
    }

    /**
     * substring_index: the text before the count-th delimiter from the left (count > 0) or after the count-th from
     * the right (count < 0); all of it when there are fewer delimiters. Matches may overlap, as in Spark.
     */
    static String substringIndex(String text, String delimiter, long count) {
        if (delimiter.isEmpty() || count == 0) {
            return "";
        }
        if (count > 0) {
            int at = -1;
            for (long i = 0; i < count; i++) {
                at = text.indexOf(delimiter, at + 1);
                if (at < 0) {
                    return text;
                }
            }
            return text.substring(0, at);
        }
        int at = text.length() - delimiter.length() + 1;
        for (long i = 0; i < -count; i++) {
            at = at - 1 < 0 ? -1 : text.lastIndexOf(delimiter, at - 1);
            if (at < 0) {
                return text;
            }
        }
        return text.substring(at + delimiter.length());
    }

    static boolean startsWith(Bytes value, Bytes prefix) {
        return prefix.length() <= value.length() && indexOf(value, prefix, 0, 0) == 0;
    }

    static boolean endsWith(Bytes value, Bytes suffix) {
        int from = value.length() - suffix.length();
        return from >= 0 && indexOf(value, suffix, from, from) == from;
    }

    static int indexOf(Bytes value, Bytes needle) {
        return indexOf(value, needle, 0, value.length() - needle.length());
    }

    /** The first index in [from, last] where needle occurs in value, or -1. */
    private static int indexOf(Bytes value, Bytes needle, int from, int last) {
        byte[] haystack = value.toArray();
        byte[] wanted = needle.toArray();
        for (int i = from; i <= last; i++) {
            if (Arrays.equals(haystack, i, i + wanted.length, wanted, 0, wanted.length)) {
                return i;
            }
        }
        return -1;
    }
}
