package sluice.engine.types;

import java.util.Arrays;

/** A column of DOUBLE or FLOAT values; FLOAT values are stored already rounded to float precision. */
public final class DoubleVector extends ColumnVector {
    private final double[] values;

    public DoubleVector(DataType type, double[] values, int size, long[] nulls) {
        super(type, size, nulls);
        if (type.storage() != DataType.Storage.DOUBLE) {
            throw new IllegalArgumentException(type.simpleString() + " is not stored as double");
        }
        this.values = values;
    }

    /** The backing array; rows {@code [0, size)} are valid. Callers must not modify it. */
    public double[] values() {
        return values;
    }

    public double getDouble(int row) {
        return values[row];
    }

    @Override
    public Object get(int row) {
        if (isNull(row)) {
            return null;
        }
        return type() == AtomicType.FLOAT ? (Object) (float) values[row] : (Object) values[row];
    }

    @Override
    public ColumnVector select(int[] rows, int count) {
        double[] picked = new double[count];
        long[] pickedNulls = hasNulls() ? NullMask.newWords(count) : null;
        for (int i = 0; i < count; i++) {
            picked[i] = values[rows[i]];
            if (pickedNulls != null && isNull(rows[i])) {
                NullMask.set(pickedNulls, i);
            }
        }
        return new DoubleVector(type(), picked, count, pickedNulls);
    }

    @Override
    public ColumnVector slice(int from, int to) {
        return new DoubleVector(type(), Arrays.copyOfRange(values, from, to), to - from, Slices.nulls(this, from, to));
    }
}
