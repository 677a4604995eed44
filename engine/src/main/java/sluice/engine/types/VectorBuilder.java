package sluice.engine.types;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * Mutable, owned by the one thread that fills it: appends values to a growing column, then {@link #build()}s an
 * immutable {@link ColumnVector}. Append with the method that matches the type's storage, or {@link #append(Object)}
 * with the Java object of {@link ColumnVector#get}.
 */
public final class VectorBuilder {
    private final DataType type;
    private final DataType.Storage storage;
    private long[] longs;
    private double[] doubles;
    private boolean[] booleans;
    private Object[] objects;
    private NullMask nulls;
    private int size;

    public VectorBuilder(DataType type, int capacity) {
        this.type = requireNonNull(type, "type is null");
        this.storage = type.storage();
        int initial = Math.max(capacity, 16);
        switch (storage) {
            case LONG -> longs = new long[initial];
            case DOUBLE -> doubles = new double[initial];
            case BOOLEAN -> booleans = new boolean[initial];
            case OBJECT -> objects = new Object[initial];
        }
    }

    public DataType type() {
        return type;
    }

    public int size() {
        return size;
    }

    private void grow() {
        int capacity = Math.max(16, capacity() * 2);
        switch (storage) {
            case LONG -> longs = Arrays.copyOf(longs, capacity);
            case DOUBLE -> doubles = Arrays.copyOf(doubles, capacity);
            case BOOLEAN -> booleans = Arrays.copyOf(booleans, capacity);
            case OBJECT -> objects = Arrays.copyOf(objects, capacity);
        }
    }

    private int capacity() {
        return switch (storage) {
            case LONG -> longs.length;
            case DOUBLE -> doubles.length;
            case BOOLEAN -> booleans.length;
            case OBJECT -> objects.length;
        };
    }

    public void appendNull() {
        if (size == capacity()) {
            grow();
        }
        if (nulls == null) {
            nulls = new NullMask(capacity());
        }
        nulls.set(size);
        size++;
    }

    public void appendLong(long value) {
        if (size == longs.length) {
            grow();
        }
        longs[size++] = value;
    }

    public void appendDouble(double value) {
        if (size == doubles.length) {
            grow();
        }
        doubles[size++] = type == AtomicType.FLOAT ? (float) value : value;
    }

    public void appendBoolean(boolean value) {
        if (size == booleans.length) {
            grow();
        }
        booleans[size++] = value;
    }

    public void appendObject(Object value) {
        if (value == null) {
            appendNull();
            return;
        }
        if (size == objects.length) {
            grow();
        }
        objects[size++] = ColumnVector.checkObject(type, value);
    }

    /** Appends a Java object of the kind {@link ColumnVector#get} returns, or null. */
    public void append(Object value) {
        if (value == null) {
            appendNull();
            return;
        }
        switch (storage) {
            case LONG -> appendLong(ColumnVector.toStoredLong(type, value));
            case DOUBLE -> appendDouble(((Number) value).doubleValue());
            case BOOLEAN -> appendBoolean((Boolean) value);
            case OBJECT -> appendObject(value);
        }
    }

    /** Appends row {@code row} of a vector of the same storage. */
    public void appendFrom(ColumnVector vector, int row) {
        if (vector.isNull(row)) {
            appendNull();
            return;
        }
        switch (storage) {
            case LONG -> appendLong(((LongVector) vector).getLong(row));
            case DOUBLE -> appendDouble(((DoubleVector) vector).getDouble(row));
            case BOOLEAN -> appendBoolean(((BooleanVector) vector).getBoolean(row));
            case OBJECT -> appendObject(((ObjectVector) vector).get(row));
        }
    }

    /**
     * Appends rows {@code [0, count)} of a vector of the same storage, as {@link #appendFrom} would one by one: a
     * vector of this very type is copied in bulk (its values were checked when it was built).
     */
    public void appendAll(ColumnVector vector, int count) {
        if (!vector.type().equals(type)) {
            for (int r = 0; r < count; r++) {
                appendFrom(vector, r);
            }
            return;
        }
        while (capacity() < size + count) {
            grow();
        }
        switch (storage) {
            case LONG -> System.arraycopy(((LongVector) vector).values(), 0, longs, size, count);
            case DOUBLE -> System.arraycopy(((DoubleVector) vector).values(), 0, doubles, size, count);
            case BOOLEAN -> System.arraycopy(((BooleanVector) vector).values(), 0, booleans, size, count);
            case OBJECT -> System.arraycopy(((ObjectVector) vector).values(), 0, objects, size, count);
        }
        if (vector.hasNulls()) {
            for (int r = 0; r < count; r++) {
                if (vector.isNull(r)) {
                    if (nulls == null) {
                        nulls = new NullMask(capacity());
                    }
                    nulls.set(size + r);
                }
            }
        }
        size += count;
    }

    public ColumnVector build() {
        long[] nullWords = nulls != null && nulls.any(size) ? copyNulls() : null;
        return switch (storage) {
            case LONG -> new LongVector(type, longs, size, nullWords);
            case DOUBLE -> new DoubleVector(type, doubles, size, nullWords);
            case BOOLEAN -> new BooleanVector(booleans, size, nullWords);
            case OBJECT -> new ObjectVector(type, objects, size, nullWords);
        };
    }

    private long[] copyNulls() {
        long[] words = NullMask.newWords(size);
        for (int i = 0; i < size; i++) {
            if (nulls.get(i)) {
                NullMask.set(words, i);
            }
        }
        return words;
    }
}
