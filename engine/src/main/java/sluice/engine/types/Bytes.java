package sluice.engine.types;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A value of Spark's BINARY type: an immutable sequence of bytes. Equal when the bytes are equal, and ordered as
 * Spark orders binary values: byte by byte as unsigned numbers, a prefix before the longer value. Any thread.
 */
public final class Bytes implements Comparable<Bytes> {
    private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();
    public static final Bytes EMPTY = new Bytes(new byte[0]);

    private final byte[] bytes;

    private Bytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A value holding a copy of {@code bytes}. */
    public static Bytes of(byte... bytes) {
        return new Bytes(requireNonNull(bytes, "bytes is null").clone());
    }

    /**
     * A value over {@code bytes} itself, not a copy, for readers that made the array and drop it (a Kafka record's
     * key and value): the caller must never change it afterwards.
     */
    public static Bytes wrap(byte[] bytes) {
        return new Bytes(requireNonNull(bytes, "bytes is null"));
    }

    /** The UTF-8 bytes of {@code text}, as Spark's {@code CAST(string AS BINARY)}. */
    public static Bytes utf8(String text) {
        return new Bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Spark's {@code unhex}: two hex digits per byte, either case; an odd count reads as if a 0 led it. Null when a
     * character is not a hex digit.
     */
    public static Bytes fromHex(String text) {
        int length = text.length();
        byte[] out = new byte[(length + 1) / 2];
        int at = 0;
        int index = 0;
        if (length % 2 != 0) {
            int digit = hexDigit(text.charAt(at++));
            if (digit < 0) {
                return null;
            }
            out[index++] = (byte) digit;
        }
        while (at < length) {
            int high = hexDigit(text.charAt(at++));
            int low = hexDigit(text.charAt(at++));
            if (high < 0 || low < 0) {
                return null;
            }
            out[index++] = (byte) (high << 4 | low);
        }
        return new Bytes(out);
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        } else if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        } else if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    public int length() {
        return bytes.length;
    }

    public byte get(int index) {
        return bytes[index];
    }

    /** A copy of the bytes. */
    public byte[] toArray() {
        return bytes.clone();
    }

    /** The bytes read as UTF-8, malformed sequences replaced by U+FFFD, as Spark's {@code CAST(binary AS STRING)}. */
    public String toUtf8String() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Two upper-case hex digits per byte, no separator: {@code 4142}. */
    public String toHex() {
        StringBuilder text = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            text.append(HEX_DIGITS[(b >> 4) & 0xF]).append(HEX_DIGITS[b & 0xF]);
        }
        return text.toString();
    }

    /** How Spark's {@code show()} prints binary: upper-case hex bytes between brackets, {@code [41 42]}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(bytes.length * 3 + 2).append('[');
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(HEX_DIGITS[(bytes[i] >> 4) & 0xF]).append(HEX_DIGITS[bytes[i] & 0xF]);
        }
        return text.append(']').toString();
    }

    @Override
    public int compareTo(Bytes other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
