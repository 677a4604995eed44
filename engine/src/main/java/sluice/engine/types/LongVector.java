package sluice.engine.types;

import java.util.Arrays;

/** A column of TINYINT, SMALLINT, INT, BIGINT, DATE, TIMESTAMP or INTERVAL values stored as longs. */
public final class LongVector extends ColumnVector {
    private final long[] values;

    public LongVector(DataType type, long[] values, int size, long[] nulls) {
        super(type, size, nulls);
        if (type.storage() != DataType.Storage.LONG) {
            throw new IllegalArgumentException(type.simpleString() + " is not stored as long");
        }
        this.values = values;
    }

    /** The backing array; rows {@code [0, size)} are valid. Callers must not modify it. */
    public long[] values() {
        return values;
    }

    public long getLong(int row) {
        return values[row];
    }

    @Override
    public Object get(int row) {
        return isNull(row) ? null : toExternal(type(), values[row]);
    }

    @Override
    public ColumnVector select(int[] rows, int count) {
        long[] picked = new long[count];
        long[] pickedNulls = hasNulls() ? NullMask.newWords(count) : null;
        for (int i = 0; i < count; i++) {
            picked[i] = values[rows[i]];
            if (pickedNulls != null && isNull(rows[i])) {
                NullMask.set(pickedNulls, i);
            }
        }
        return new LongVector(type(), picked, count, pickedNulls);
    }

    @Override
    public ColumnVector slice(int from, int to) {
        return new LongVector(type(), Arrays.copyOfRange(values, from, to), to - from, Slices.nulls(this, from, to));
    }
}
