package sluice.engine.types;

/** Copies a range of a null bitmap; shared by the vector classes' {@code slice}. */
final class Slices {
    private Slices() {
    }

    static long[] nulls(ColumnVector vector, int from, int to) {
        if (!vector.hasNulls()) {
            return null;
        }
        long[] words = NullMask.newWords(to - from);
        boolean any = false;
        for (int i = from; i < to; i++) {
            if (vector.isNull(i)) {
                NullMask.set(words, i - from);
                any = true;
            }
        }
        return any ? words : null;
    }
}
