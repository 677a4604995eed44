package sluice.engine.types;

import java.util.Arrays;

/** A column of BOOLEAN values. */
public final class BooleanVector extends ColumnVector {
    private final boolean[] values;

    public BooleanVector(boolean[] values, int size, long[] nulls) {
        super(AtomicType.BOOLEAN, size, nulls);
        this.values = values;
    }

    /** The backing array; rows {@code [0, size)} are valid. Callers must not modify it. */
    public boolean[] values() {
        return values;
    }

    public boolean getBoolean(int row) {
        return values[row];
    }

    @Override
    public Object get(int row) {
        return isNull(row) ? null : values[row];
    }

    @Override
    public ColumnVector select(int[] rows, int count) {
        boolean[] picked = new boolean[count];
        long[] pickedNulls = hasNulls() ? NullMask.newWords(count) : null;
        for (int i = 0; i < count; i++) {
            picked[i] = values[rows[i]];
            if (pickedNulls != null && isNull(rows[i])) {
                NullMask.set(pickedNulls, i);
            }
        }
        return new BooleanVector(picked, count, pickedNulls);
    }

    @Override
    public ColumnVector slice(int from, int to) {
        return new BooleanVector(Arrays.copyOfRange(values, from, to), to - from, Slices.nulls(this, from, to));
    }
}
