package sluice.engine.parquet;

import java.util.Arrays;
import sluice.engine.types.AtomicType;
import sluice.engine.types.BooleanVector;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.DoubleVector;
import sluice.engine.types.LongVector;
import sluice.engine.types.NullMask;
import sluice.engine.types.ObjectVector;

/**
 * One flat column's values for the batch being read, written straight into the array of its storage: a converter
 * puts one value at a time through the {@link ParquetConverters.Slot} methods, {@link FlatColumnFeed} a page's run of
 * values at once into the arrays. Each value or null takes the next row. {@link #take()} hands the arrays on as a
 * vector (no copy) and starts new ones. Mutable; one reading thread.
 */
final class ColumnFill implements ParquetConverters.Slot {
    private final DataType type;
    private final DataType.Storage storage;
    private final int capacity;
    long[] longs;
    double[] doubles;
    boolean[] booleans;
    Object[] objects;
    /** The null bitmap of the rows filled, made at the first null. */
    private long[] nulls;
    /** The rows filled so far: the next value's index. */
    int size;

    ColumnFill(DataType type, int capacity) {
        this.type = type;
        this.storage = type.storage();
        this.capacity = capacity;
        newArrays();
    }

    private void newArrays() {
        switch (storage) {
            case LONG -> longs = new long[capacity];
            case DOUBLE -> doubles = new double[capacity];
            case BOOLEAN -> booleans = new boolean[capacity];
            case OBJECT -> objects = new Object[capacity];
        }
        nulls = null;
        size = 0;
    }

    @Override
    public void setLong(long value) {
        longs[size++] = value;
    }

    @Override
    public void setDouble(double value) {
        doubles[size++] = value;
    }

    @Override
    public void setBoolean(boolean value) {
        booleans[size++] = value;
    }

    /** A value of OBJECT storage; null makes the row null. */
    @Override
    public void setObject(Object value) {
        if (value == null) {
            setNull();
            return;
        }
        objects[size++] = ColumnVector.checkObject(type, value);
    }

    /** The next row is null (its slot keeps the zero of a new array). */
    void setNull() {
        if (nulls == null) {
            nulls = NullMask.newWords(capacity);
        }
        NullMask.set(nulls, size++);
    }

    /** The rows filled as a vector over the arrays, which it keeps; new arrays for the next rows. */
    ColumnVector take() {
        int rows = size;
        long[] words = nulls;
        if (words != null && words.length != NullMask.newWords(rows).length) {
            words = Arrays.copyOf(words, NullMask.newWords(rows).length);
        }
        ColumnVector vector = switch (storage) {
            case LONG -> new LongVector(type, longs, rows, words);
            case DOUBLE -> {
                if (type == AtomicType.FLOAT) {
                    // A FLOAT holds float precision, as the row collector of the other formats rounds it.
                    for (int r = 0; r < rows; r++) {
                        doubles[r] = (float) doubles[r];
                    }
                }
                yield new DoubleVector(type, doubles, rows, words);
            }
            case BOOLEAN -> new BooleanVector(booleans, rows, words);
            case OBJECT -> new ObjectVector(type, objects, rows, words);
        };
        newArrays();
        return vector;
    }
}
