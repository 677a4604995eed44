package sluice.engine.operator;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import sluice.engine.types.BooleanVector;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DoubleVector;
import sluice.engine.types.LongVector;
import sluice.engine.types.ObjectVector;

/**
 * The distinct values of a batch's key columns, found from the columns as they are stored: a row's values are hashed
 * and compared with the first row of each distinct key in place, so no value is boxed and no key is built per row.
 * Values are equal as their stored (boxed) forms are equal: doubles by their bits, objects deeply. Mutable, used by
 * one task, which may {@link #reset} it for its next chunk of rows.
 */
final class DistinctKeys {
    /**
     * An array, not a list: looping over it per row allocates no iterator. Made with {@code toArray(new ...[0])}, not
     * a method reference, which would spin a class on the task thread while the batch runs.
     */
    private ColumnVector[] columns;
    /** Open addressing: per slot the key's index plus one, 0 for an empty slot. */
    private int[] slots;
    private int[] hashes;
    private int[] firstRows;
    private int size;
    /** Per row of the last {@link #indexesOf}, its hash; reused from chunk to chunk. */
    private int[] rowHashes = new int[0];

    DistinctKeys(List<ColumnVector> columns, int expected) {
        this.columns = columns.toArray(new ColumnVector[0]);
        int capacity = Integer.highestOneBit(Math.max(16, Math.min(expected, 1 << 20)) * 2);
        this.slots = new int[capacity];
        this.hashes = new int[capacity / 2];
        this.firstRows = new int[capacity / 2];
    }

    /** Forgets every key found, for the rows of {@code columns}; the tables keep their size. */
    void reset(List<ColumnVector> columns) {
        this.columns = columns.toArray(new ColumnVector[0]);
        if (size * 8 < slots.length) {
            // A chunk of 4,096 rows has a table of 8,192 slots and often a hundred keys or so: each key's slot is
            // found from its hash and emptied, instead of filling the whole table with zeros chunk after chunk. A key
            // is in its hash's slot or a later one; the slots between hold keys too, or were emptied already.
            int mask = slots.length - 1;
            for (int index = 0; index < size; index++) {
                int slot = hashes[index] & mask;
                while (slots[slot] != index + 1) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = 0;
            }
        } else if (size > 0) {
            Arrays.fill(slots, 0);
        }
        size = 0;
    }

    /** How many distinct keys were found so far; the next new one gets this index. */
    int size() {
        return size;
    }

    /**
     * The hash of the key of index {@code index}, from its values as stored: equal values (as {@code Objects.equals}
     * finds the stored forms equal) hash alike, chunk after chunk.
     */
    int hashOf(int index) {
        return hashes[index];
    }

    /** The first row of the key of index {@code index}. */
    int firstRow(int index) {
        return firstRows[index];
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

    /**
     * Puts in {@code out} the index of each of rows {@code [0, rows)}'s key, in order of first appearance (as
     * {@link #indexOf} row by row, on a table just {@link #reset}). It works a column at a time: each column's
     * values are hashed in one loop of their own type, rows find their key by the hash alone, and each column then
     * checks in one loop that its rows hold their key's values. Small loops of one type each are what the JIT
     * compiles quickly and well; the one per row over every column's type was large, compiled late and more than
     * once. Two keys of one hash in a chunk (rare) send it through {@link #indexOf} instead.
     */
    void indexesOf(int rows, int[] out) {
        if (rowHashes.length < rows) {
            rowHashes = new int[Math.max(rows, 16)];
        }
        int[] hashed = rowHashes;
        Arrays.fill(hashed, 0, rows, 1);
        for (ColumnVector column : columns) {
            if (column instanceof LongVector longs) {
                hashLongs(longs, rows, hashed);
            } else if (column instanceof DoubleVector doubles) {
                hashDoubles(doubles, rows, hashed);
            } else if (column instanceof ObjectVector objects) {
                hashObjects(objects, rows, hashed);
            } else {
                hashOthers(column, rows, hashed);
            }
        }
        byHash(hashed, rows, out);
        for (ColumnVector column : columns) {
            boolean same = column instanceof LongVector longs ? sameLongs(longs, rows, out)
                    : column instanceof ObjectVector objects ? sameObjects(objects, rows, out)
                    : sameOthers(column, rows, out);
            if (!same) {
                reset(Arrays.asList(columns));
                for (int r = 0; r < rows; r++) {
                    out[r] = indexOf(r);
                }
                return;
            }
        }
    }

    private static void hashLongs(LongVector column, int rows, int[] hashed) {
        long[] values = column.values();
        boolean nulls = column.hasNulls();
        for (int r = 0; r < rows; r++) {
            // Long.hashCode, written out: until the JIT compiles this loop, each call of it cost as much as the rest.
            long value = values[r];
            hashed[r] = 31 * hashed[r] + (nulls && column.isNull(r) ? 0 : (int) (value ^ (value >>> 32)));
        }
    }

    private static void hashDoubles(DoubleVector column, int rows, int[] hashed) {
        double[] values = column.values();
        boolean nulls = column.hasNulls();
        for (int r = 0; r < rows; r++) {
            hashed[r] = 31 * hashed[r] + (nulls && column.isNull(r) ? 0 : Double.hashCode(values[r]));
        }
    }

    private static void hashObjects(ObjectVector column, int rows, int[] hashed) {
        Object[] values = column.values();
        boolean nulls = column.hasNulls();
        for (int r = 0; r < rows; r++) {
            hashed[r] = 31 * hashed[r] + (nulls && column.isNull(r) ? 0 : hashOf(values[r]));
        }
    }

    private static void hashOthers(ColumnVector column, int rows, int[] hashed) {
        for (int r = 0; r < rows; r++) {
            hashed[r] = 31 * hashed[r] + (column.isNull(r) ? 0 : hashOf(column, r));
        }
    }

    /** Each row's key by its hash alone (the columns' hash, spread here): the first key of that hash, or a new one. */
    private void byHash(int[] hashed, int rows, int[] out) {
        int mask = slots.length - 1;
        for (int r = 0; r < rows; r++) {
            int hash = spread(hashed[r]);
            int slot = hash & mask;
            while (true) {
                int entry = slots[slot];
                if (entry == 0) {
                    out[r] = add(slot, hash, r);
                    mask = slots.length - 1;
                    break;
                }
                if (hashes[entry - 1] == hash) {
                    out[r] = entry - 1;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
    }

    private boolean sameLongs(LongVector column, int rows, int[] keyOf) {
        long[] values = column.values();
        boolean nulls = column.hasNulls();
        for (int r = 0; r < rows; r++) {
            int first = firstRows[keyOf[r]];
            if (nulls ? !sameValue(column, first, r) : values[first] != values[r]) {
                return false;
            }
        }
        return true;
    }

    private boolean sameObjects(ObjectVector column, int rows, int[] keyOf) {
        Object[] values = column.values();
        boolean nulls = column.hasNulls();
        for (int r = 0; r < rows; r++) {
            int first = firstRows[keyOf[r]];
            // Repeated strings of a CSV column are often one object: the same reference needs no comparison.
            if (nulls ? !sameValue(column, first, r)
                    : values[first] != values[r] && !Objects.deepEquals(values[first], values[r])) {
                return false;
            }
        }
        return true;
    }

    private boolean sameOthers(ColumnVector column, int rows, int[] keyOf) {
        for (int r = 0; r < rows; r++) {
            if (!sameValue(column, firstRows[keyOf[r]], r)) {
                return false;
            }
        }
        return true;
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
        return spread(hash);
    }

    /** Spreads the bits, so keys that differ in their high bits only still find different slots. */
    private static int spread(int hash) {
        int spread = hash * 0x9E3779B9;
        return spread ^ (spread >>> 16);
    }

    private static int hashOf(ColumnVector column, int row) {
        if (column instanceof LongVector longs) {
            return Long.hashCode(longs.getLong(row));
        } else if (column instanceof DoubleVector doubles) {
            return Double.hashCode(doubles.getDouble(row));
        } else if (column instanceof BooleanVector booleans) {
            return Boolean.hashCode(booleans.getBoolean(row));
        }
        return hashOf(column.get(row));
    }

    private static int hashOf(Object value) {
        return value.getClass().isArray() ? Arrays.deepHashCode(new Object[] {value}) : value.hashCode();
    }

    private boolean sameValues(int first, int row) {
        for (ColumnVector column : columns) {
            if (!sameValue(column, first, row)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameValue(ColumnVector column, int first, int row) {
        boolean nullFirst = column.isNull(first);
        if (nullFirst != column.isNull(row)) {
            return false;
        }
        return nullFirst || sameStored(column, first, row);
    }

    private static boolean sameStored(ColumnVector column, int first, int row) {
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
