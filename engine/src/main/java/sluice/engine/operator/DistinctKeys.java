package sluice.engine.operator;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import sluice.engine.types.BooleanVector;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DoubleVector;
import sluice.engine.types.LongVector;

/**
 * The distinct values of a batch's key columns, found from the columns as they are stored: a row's values are hashed
 * and compared with the first row of each distinct key in place, so no value is boxed and no key is built per row.
 * Values are equal as their stored (boxed) forms are equal: doubles by their bits, objects deeply. Mutable, used by
 * one task.
 */
final class DistinctKeys {
    /** An array, not a list: looping over it per row allocates no iterator. */
    private final ColumnVector[] columns;
    /** Open addressing: per slot the key's index plus one, 0 for an empty slot. */
    private int[] slots;
    private int[] hashes;
    private int[] firstRows;
    private int size;

    DistinctKeys(List<ColumnVector> columns, int expected) {
        this.columns = columns.toArray(ColumnVector[]::new);
        int capacity = Integer.highestOneBit(Math.max(16, Math.min(expected, 1 << 20)) * 2);
        this.slots = new int[capacity];
        this.hashes = new int[capacity / 2];
        this.firstRows = new int[capacity / 2];
    }

    /** How many distinct keys were found so far; the next new one gets this index. */
    int size() {
        return size;
    }

    /** The index of the key of {@code row}, in order of first appearance; a new key gets {@link #size()}. */
    int indexOf(int row) {
        int hash = hash(row);
        int mask = slots.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot];
            if (entry == 0) {
                return add(slot, hash, row);
            }
            if (hashes[entry - 1] == hash && sameValues(firstRows[entry - 1], row)) {
                return entry - 1;
            }
        }
    }

    private int add(int slot, int hash, int row) {
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, size * 2);
            firstRows = Arrays.copyOf(firstRows, size * 2);
        }
        hashes[size] = hash;
        firstRows[size] = row;
        slots[slot] = ++size;
        if (size * 2 > slots.length) {
            rehash();
        }
        return size - 1;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int index = 0; index < size; index++) {
            int slot = hashes[index] & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = index + 1;
        }
    }

    private int hash(int row) {
        int hash = 1;
        for (ColumnVector column : columns) {
            hash = 31 * hash + (column.isNull(row) ? 0 : hashOf(column, row));
        }
        // Spreads the bits, so keys that differ in their high bits only still find different slots.
        hash *= 0x9E3779B9;
        return hash ^ (hash >>> 16);
    }

    private static int hashOf(ColumnVector column, int row) {
        if (column instanceof LongVector longs) {
            return Long.hashCode(longs.getLong(row));
        } else if (column instanceof DoubleVector doubles) {
            return Double.hashCode(doubles.getDouble(row));
        } else if (column instanceof BooleanVector booleans) {
            return Boolean.hashCode(booleans.getBoolean(row));
        }
        Object value = column.get(row);
        return value.getClass().isArray() ? Arrays.deepHashCode(new Object[] {value}) : value.hashCode();
    }

    private boolean sameValues(int first, int row) {
        for (ColumnVector column : columns) {
            boolean nullFirst = column.isNull(first);
            if (nullFirst != column.isNull(row)) {
                return false;
            }
            if (!nullFirst && !sameValue(column, first, row)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameValue(ColumnVector column, int first, int row) {
        if (column instanceof LongVector longs) {
            return longs.getLong(first) == longs.getLong(row);
        } else if (column instanceof DoubleVector doubles) {
            return Double.doubleToLongBits(doubles.getDouble(first)) == Double.doubleToLongBits(doubles.getDouble(row));
        } else if (column instanceof BooleanVector booleans) {
            return booleans.getBoolean(first) == booleans.getBoolean(row);
        }
        return Objects.deepEquals(column.get(first), column.get(row));
    }
}
