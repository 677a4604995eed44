package sluice.engine.types;

import java.util.Arrays;

/**
 * A column of STRING, BINARY, DECIMAL, ARRAY, MAP or STRUCT values (or the NULL type), held as Java objects. A complex
 * value is one immutable object per row (a list, a {@link MapValue} or a {@link Row}) rather than nested child
 * vectors: the numeric and string columns keep their primitive loops untouched, and the functions on arrays, maps and
 * structs work on one value at a time anyway (an element lookup, a map key search), where a row's object is the
 * cheapest form to read.
 */
public final class ObjectVector extends ColumnVector {
    private final Object[] values;

    public ObjectVector(DataType type, Object[] values, int size, long[] nulls) {
        super(type, size, nulls);
        if (type.storage() != DataType.Storage.OBJECT) {
            throw new IllegalArgumentException(type.simpleString() + " is not stored as object");
        }
        this.values = values;
    }

    /** The backing array; rows {@code [0, size)} are valid, a null row holds null. Callers must not modify it. */
    public Object[] values() {
        return values;
    }

    @Override
    public Object get(int row) {
        return isNull(row) ? null : values[row];
    }

    @Override
    public ColumnVector select(int[] rows, int count) {
        Object[] picked = new Object[count];
        long[] pickedNulls = hasNulls() ? NullMask.newWords(count) : null;
        for (int i = 0; i < count; i++) {
            picked[i] = values[rows[i]];
            if (pickedNulls != null && isNull(rows[i])) {
                NullMask.set(pickedNulls, i);
            }
        }
        return new ObjectVector(type(), picked, count, pickedNulls);
    }

    @Override
    public ColumnVector slice(int from, int to) {
        return new ObjectVector(type(), Arrays.copyOfRange(values, from, to), to - from, Slices.nulls(this, from, to));
    }
}
