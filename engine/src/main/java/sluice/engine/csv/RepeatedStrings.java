package sluice.engine.csv;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Mutable, one per thread: hands out one String for each short text that repeats, such as a symbol column where
 * every row says one of a few names. A batch of millions of rows then holds a few strings instead of millions, which
 * keeps allocation and garbage collection out of the hot path. Direct-mapped: a slot keeps the last text that hashed
 * to it. It lives as long as its thread, across files, so the next file starts with its names known and a miss stays
 * the rare case the JIT compiled the reading loop for.
 */
final class RepeatedStrings {
    private static final int SLOTS = 512;
    private static final int MAX_LENGTH = 32;
    private static final ThreadLocal<RepeatedStrings> PER_THREAD = ThreadLocal.withInitial(RepeatedStrings::new);
    private final String[] slots = new String[SLOTS];
    /** Each slot's text as characters, compared without String.charAt's checks. */
    private final char[][] texts = new char[SLOTS][];
    /**
     * A second table for ASCII texts of at most eight bytes (most symbols and codes), found by one 64-bit read of the
     * bytes instead of a hash and a compare byte by byte: each slot's bytes as a long (zeros past the text), its
     * length (-1 for none) and its String.
     */
    private final long[] shortKeys = new long[SLOTS];
    private final int[] shortLengths = new int[SLOTS];
    private final String[] shortStrings = new String[SLOTS];
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    /** 64 minus the bits of a slot number. */
    private static final int SLOT_SHIFT = Long.SIZE - Integer.numberOfTrailingZeros(SLOTS);

    private RepeatedStrings() {
        Arrays.fill(shortLengths, -1);
    }

    static RepeatedStrings ofThisThread() {
        return PER_THREAD.get();
    }

    String of(char[] chars, int start, int length) {
        if (length > MAX_LENGTH) {
            return new String(chars, start, length);
        }
        int hash = 0;
        for (int i = start; i < start + length; i++) {
            hash = 31 * hash + chars[i];
        }
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        char[] cached = texts[slot];
        if (cached != null && sameText(cached, chars, start, length)) {
            return slots[slot];
        }
        String made = new String(chars, start, length);
        slots[slot] = made;
        texts[slot] = Arrays.copyOfRange(chars, start, start + length);
        return made;
    }

    /** {@link #of(char[], int, int)} of ASCII bytes, each its character; same hash, so the same slots. */
    String of(byte[] bytes, int start, int length) {
        if (length <= Long.BYTES && start + Long.BYTES <= bytes.length) {
            return ofShort(bytes, start, length);
        }
        if (length > MAX_LENGTH) {
            return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
        }
        int hash = 0;
        for (int i = start; i < start + length; i++) {
            hash = 31 * hash + bytes[i];
        }
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        char[] cached = texts[slot];
        if (cached != null && sameText(cached, bytes, start, length)) {
            return slots[slot];
        }
        String made = new String(bytes, start, length, StandardCharsets.ISO_8859_1);
        slots[slot] = made;
        texts[slot] = made.toCharArray();
        return made;
    }

    /** A text of at most eight ASCII bytes with eight bytes to read from {@code start}. */
    private String ofShort(byte[] bytes, int start, int length) {
        long mask = length == Long.BYTES ? -1L : (1L << (length << 3)) - 1;
        long key = (long) LONGS.get(bytes, start) & mask;
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> SLOT_SHIFT);
        if (shortKeys[slot] == key && shortLengths[slot] == length) {
            return shortStrings[slot];
        }
        String made = new String(bytes, start, length, StandardCharsets.ISO_8859_1);
        shortKeys[slot] = key;
        shortLengths[slot] = length;
        shortStrings[slot] = made;
        return made;
    }

    private static boolean sameText(char[] cached, byte[] bytes, int start, int length) {
        if (cached.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (cached[i] != bytes[start + i]) {
                return false;
            }
        }
        return true;
    }

    /** A plain loop: for texts this short it beats the call and set-up of the vectorized Arrays.equals. */
    private static boolean sameText(char[] cached, char[] chars, int start, int length) {
        if (cached.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (cached[i] != chars[start + i]) {
                return false;
            }
        }
        return true;
    }
}
