package sluice.engine.operator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import sluice.engine.aggregate.AggregateCall;
import sluice.engine.aggregate.StoredValues;
import sluice.engine.state.RowEncoding;
import sluice.engine.state.StateKey;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DoubleVector;
import sluice.engine.types.LongVector;

/**
 * Spark's partial (map-side) aggregation for an {@link AggregateOperator} with plain keys: one input partition's rows
 * folded into a buffer per group before they go to the groups' state partitions, where each buffer is merged into
 * the state once, instead of every row keeping a key of its own until then. Immutable; its folds run on partition
 * task threads, each with buffers of its own, and can take a partition's rows chunk by chunk as its task reads them.
 */
final class PartialAggregation {
    /**
     * One group's rows of one input partition, folded into a buffer (Spark's partial aggregate row), with the
     * group's event time in microseconds (null when no key is the event time).
     */
    record Partial(StateKey key, Object[] buffer, Long eventTime) {}

    private final RowEncoding keys;
    private final List<AggregateCall> aggregations;
    private final int[] offsets;
    private final int width;

    PartialAggregation(RowEncoding keys, List<AggregateCall> aggregations, int[] offsets, int width) {
        this.keys = keys;
        this.aggregations = List.copyOf(aggregations);
        this.offsets = offsets.clone();
        this.width = width;
    }

    /** A new fold of one input partition's rows, taken a chunk at a time. */
    Fold newFold() {
        return new Fold();
    }

    /**
     * One input partition's partial buffers, its rows folded in a chunk at a time and in order, so the result is
     * the same as for the partition's rows in one batch. Mutable, used by the one task that reads the partition.
     */
    final class Fold {
        private final Map<StateKey, Integer> byKey = new HashMap<>();
        /**
         * The key values seen, as stored (equal as {@code Objects.equals} finds each pair, arrays only when the same
         * object: another array of equal bytes is encoded and finds its partial by the encoding), found by their
         * {@link DistinctKeys#hashOf hash} and compared with a chunk's columns in place: open addressing, per slot an
         * entry's index plus one. A chunk's keys, a hundred or so per chunk of 4,096 rows, were each read, boxed and
         * looked up in a hash map of value arrays before.
         */
        private int[] valueSlots = new int[64];
        private int[] valueHashes = new int[32];
        private Object[][] values = new Object[32][];
        /** Per entry, the partial of its values. */
        private int[] valuePartials = new int[32];
        private int valueCount;
        private final List<Partial> partials = new ArrayList<>();
        /** Per partial, its index among the current chunk's groups, or -1; all -1 between chunks. */
        private int[] chunkIndex = new int[0];
        /** The partials the current chunk touches, in order of first appearance; empty between chunks. */
        private final List<Integer> touched = new ArrayList<>();
        /** The rows' keys of the current chunk, kept from chunk to chunk (made for the first). */
        private DistinctKeys distinct;
        /** Per row of the current chunk, its key, then its group among {@link #touched}. */
        private int[] groupOf = new int[0];

        private Fold() {
        }

        /**
         * Folds {@code rows} rows with these key columns and argument vectors into the partition's groups. A row finds
         * its group by its key columns' values as stored ({@link DistinctKeys}), so a key is read once per distinct
         * values in a chunk, not once per row, and encoded once per partition; values that differ yet encode alike
         * (as Spark's grouping sees them) share one group, their rows in order. Each function then folds the chunk's
         * rows into their groups' buffers at once. Each step is a loop of its own (the rows' keys, the chunk's
         * distinct keys, each function's fold), which the JIT compiles small and early.
         */
        void add(int rows, List<ColumnVector> keyColumns, List<List<ColumnVector>> args, int eventTimeKey) {
            if (distinct == null) {
                distinct = new DistinctKeys(keyColumns, Math.min(rows, 4096));
            } else {
                distinct.reset(keyColumns);
            }
            if (groupOf.length < rows) {
                groupOf = new int[rows];
            }
            distinct.indexesOf(rows, groupOf);
            int[] groupOfKey = chunkGroups(keyColumns, eventTimeKey);
            Object[][] buffers = new Object[touched.size()][];
            for (int g = 0; g < buffers.length; g++) {
                buffers[g] = partials.get(touched.get(g)).buffer();
                chunkIndex[touched.get(g)] = -1;
            }
            if (buffers.length < groupOfKey.length) {
                // Two distinct keys of the chunk share a group: its rows go to that group.
                for (int r = 0; r < rows; r++) {
                    groupOf[r] = groupOfKey[groupOf[r]];
                }
            }
            touched.clear();
            for (int a = 0; a < aggregations.size(); a++) {
                aggregations.get(a).function().fold(buffers, offsets[a], groupOf, rows, args.get(a));
            }
        }

        /**
         * The chunk's group of each of its distinct keys (the partials it touches, in {@link #touched}, numbered in
         * order of first appearance), each key read once from its first row and encoded the first time the fold sees
         * it.
         */
        private int[] chunkGroups(List<ColumnVector> keyColumns, int eventTimeKey) {
            int[] groupOfKey = new int[distinct.size()];
            ColumnVector[] columns = keyColumns.toArray(new ColumnVector[0]);
            for (int index = 0; index < groupOfKey.length; index++) {
                int row = distinct.firstRow(index);
                int hash = distinct.hashOf(index);
                // Values seen in an earlier chunk find their partial without being read or encoded again; new ones
                // are encoded, and join the partial of values that encode alike.
                int partial = knownPartial(hash, columns, row);
                if (partial < 0) {
                    Object[] keyValues = new Object[columns.length];
                    for (int k = 0; k < keyValues.length; k++) {
                        keyValues[k] = StoredValues.read(columns[k], row);
                    }
                    partial = partialOf(new StateKey(keys.encode(keyValues, 0)), keyValues, eventTimeKey);
                    addValues(hash, keyValues, partial);
                }
                if (chunkIndex[partial] < 0) {
                    chunkIndex[partial] = touched.size();
                    touched.add(partial);
                }
                groupOfKey[index] = chunkIndex[partial];
            }
            return groupOfKey;
        }

        /** The partial of the values of {@code row} of {@code columns} (of this hash), or -1 for values not seen. */
        private int knownPartial(int hash, ColumnVector[] columns, int row) {
            int mask = valueSlots.length - 1;
            for (int slot = hash & mask; valueSlots[slot] != 0; slot = (slot + 1) & mask) {
                int entry = valueSlots[slot] - 1;
                if (valueHashes[entry] == hash && holds(columns, row, values[entry])) {
                    return valuePartials[entry];
                }
            }
            return -1;
        }

        private void addValues(int hash, Object[] keyValues, int partial) {
            if (valueCount == valueHashes.length) {
                valueHashes = Arrays.copyOf(valueHashes, valueCount * 2);
                values = Arrays.copyOf(values, valueCount * 2);
                valuePartials = Arrays.copyOf(valuePartials, valueCount * 2);
            }
            valueHashes[valueCount] = hash;
            values[valueCount] = keyValues;
            valuePartials[valueCount] = partial;
            valueCount++;
            if (valueCount * 2 > valueSlots.length) {
                valueSlots = new int[valueSlots.length * 2];
                for (int entry = 0; entry < valueCount - 1; entry++) {
                    place(valueHashes[entry], entry);
                }
            }
            place(hash, valueCount - 1);
        }

        private void place(int hash, int entry) {
            int mask = valueSlots.length - 1;
            int slot = hash & mask;
            while (valueSlots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            valueSlots[slot] = entry + 1;
        }

        private int partialOf(StateKey key, Object[] keyValues, int eventTimeKey) {
            Integer found = byKey.get(key);
            if (found != null) {
                return found;
            }
            int partial = partials.size();
            partials.add(new Partial(key, emptyBuffer(), eventTimeKey < 0 ? null : (Long) keyValues[eventTimeKey]));
            byKey.put(key, partial);
            if (partial == chunkIndex.length) {
                int length = chunkIndex.length;
                chunkIndex = Arrays.copyOf(chunkIndex, Math.max(16, length * 2));
                Arrays.fill(chunkIndex, length, chunkIndex.length, -1);
            }
            return partial;
        }

        /** The partial buffers per state partition of {@code partitions}, each's groups as their first rows came. */
        List<List<Partial>> byPartition(int partitions) {
            List<List<Partial>> byPartition = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                byPartition.add(new ArrayList<>());
            }
            partials.forEach(partial -> byPartition.get(partial.key().partition(partitions)).add(partial));
            return byPartition;
        }
    }

    /**
     * Whether {@code row} of {@code columns} holds {@code stored}, each column's value equal to its stored form as
     * {@code Objects.equals} has it (a double by its bits), read without boxing where the column stores a primitive.
     */
    private static boolean holds(ColumnVector[] columns, int row, Object[] stored) {
        for (int k = 0; k < columns.length; k++) {
            ColumnVector column = columns[k];
            Object value = stored[k];
            if (column.isNull(row) || value == null) {
                if (column.isNull(row) != (value == null)) {
                    return false;
                }
            } else if (column instanceof LongVector longs) {
                if ((Long) value != longs.values()[row]) {
                    return false;
                }
            } else if (column instanceof DoubleVector doubles) {
                if (Double.doubleToLongBits((Double) value) != Double.doubleToLongBits(doubles.values()[row])) {
                    return false;
                }
            } else if (!Objects.equals(StoredValues.read(column, row), value)) {
                return false;
            }
        }
        return true;
    }

    private Object[] emptyBuffer() {
        Object[] buffer = new Object[width];
        for (int a = 0; a < aggregations.size(); a++) {
            aggregations.get(a).function().initialize(buffer, offsets[a]);
        }
        return buffer;
    }
}
