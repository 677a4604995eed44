package sluice.engine.operator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sluice.engine.aggregate.AggregateCall;
import sluice.engine.aggregate.StoredValues;
import sluice.engine.state.RowEncoding;
import sluice.engine.state.StateKey;
import sluice.engine.types.ColumnVector;

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
        private final List<Partial> partials = new ArrayList<>();
        /** Per partial, its index among the current chunk's groups, or -1; all -1 between chunks. */
        private int[] chunkIndex = new int[0];

        private Fold() {
        }

        /**
         * Folds {@code rows} rows with these key columns and argument vectors into the partition's groups. A row finds
         * its group by its key columns' values as stored ({@link DistinctKeys}), so a key is read and encoded once per
         * distinct values in a chunk, not once per row; values that differ yet encode alike (as Spark's grouping sees
         * them) share one group, their rows in order. Each function then folds the chunk's rows into their groups'
         * buffers at once.
         */
        void add(int rows, List<ColumnVector> keyColumns, List<List<ColumnVector>> args, int eventTimeKey) {
            DistinctKeys distinct = new DistinctKeys(keyColumns, Math.min(rows, 4096));
            List<Integer> touched = new ArrayList<>();
            int[] groupOfKey = new int[16];
            int[] groupOf = new int[rows];
            Object[] keyValues = new Object[keyColumns.size()];
            for (int r = 0; r < rows; r++) {
                int known = distinct.size();
                int index = distinct.indexOf(r);
                if (index == known) {
                    for (int k = 0; k < keyValues.length; k++) {
                        keyValues[k] = StoredValues.read(keyColumns.get(k), r);
                    }
                    int partial = partialOf(new StateKey(keys.encode(keyValues, 0)), keyValues, eventTimeKey);
                    if (chunkIndex[partial] < 0) {
                        chunkIndex[partial] = touched.size();
                        touched.add(partial);
                    }
                    if (index == groupOfKey.length) {
                        groupOfKey = Arrays.copyOf(groupOfKey, index * 2);
                    }
                    groupOfKey[index] = chunkIndex[partial];
                }
                groupOf[r] = groupOfKey[index];
            }
            Object[][] buffers = new Object[touched.size()][];
            for (int g = 0; g < buffers.length; g++) {
                buffers[g] = partials.get(touched.get(g)).buffer();
                chunkIndex[touched.get(g)] = -1;
            }
            for (int a = 0; a < aggregations.size(); a++) {
                aggregations.get(a).function().fold(buffers, offsets[a], groupOf, rows, args.get(a));
            }
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

    private Object[] emptyBuffer() {
        Object[] buffer = new Object[width];
        for (int a = 0; a < aggregations.size(); a++) {
            aggregations.get(a).function().initialize(buffer, offsets[a]);
        }
        return buffer;
    }
}
