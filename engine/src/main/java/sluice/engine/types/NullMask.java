package sluice.engine.types;

/** A null bitmap: bit {@code i} set means row {@code i} is null. Mutable only while its vector is being built. */
public final class NullMask {
    private long[] words;

    NullMask(int capacity) {
        this.words = new long[Math.max(1, (capacity + 63) >>> 6)];
    }

    private NullMask(long[] words) {
        this.words = words;
    }

    public static NullMask wrap(long[] words) {
        return new NullMask(words);
    }

    public boolean get(int row) {
        int word = row >>> 6;
        return word < words.length && (words[word] & (1L << row)) != 0;
    }

    void set(int row) {
        int word = row >>> 6;
        if (word >= words.length) {
            words = java.util.Arrays.copyOf(words, Math.max(word + 1, words.length * 2));
        }
        words[word] |= 1L << row;
    }

    boolean any(int size) {
        int full = size >>> 6;
        for (int i = 0; i < full && i < words.length; i++) {
            if (words[i] != 0) {
                return true;
            }
        }
        if (full < words.length && (size & 63) != 0) {
            return (words[full] & ((1L << size) - 1)) != 0;
        }
        return false;
    }

    /** A new bitmap of {@code size} bits; the caller sets bits before the vector using it is published. */
    public static long[] newWords(int size) {
        return new long[Math.max(1, (size + 63) >>> 6)];
    }

    public static void set(long[] words, int row) {
        words[row >>> 6] |= 1L << row;
    }

    public static boolean get(long[] words, int row) {
        return (words[row >>> 6] & (1L << row)) != 0;
    }
}
