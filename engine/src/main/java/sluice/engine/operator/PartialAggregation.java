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
 * task threads, each with buffers of its own.
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

    /**
     * The partial buffers of {@code rows} rows with these key columns and argument vectors, per state partition of
     * {@code partitions}, each partition's groups in the order their first rows came. A row finds its group by its
     * key columns' values as stored ({@link DistinctKeys}), so a key is read and encoded once per distinct values,
     * not once per row; values that differ yet encode alike (as Spark's grouping sees them) share one group, their
     * rows in order. Each function then folds all the rows into their groups' buffers at once.
     */
    List<List<Partial>> fold(int rows, List<ColumnVector> keyColumns, List<List<ColumnVector>> args,
                             int eventTimeKey, int partitions) {
        DistinctKeys distinct = new DistinctKeys(keyColumns, Math.min(rows, 4096));
        Map<StateKey, Integer> byKey = new HashMap<>();
        List<Partial> partials = new ArrayList<>();
        int[] partialOfKey = new int[16];
        int[] groupOf = new int[rows];
        Object[] keyValues = new Object[keyColumns.size()];
        for (int r = 0; r < rows; r++) {
            int known = distinct.size();
            int index = distinct.indexOf(r);
            if (index == known) {
                for (int k = 0; k < keyValues.length; k++) {
                    keyValues[k] = StoredValues.read(keyColumns.get(k), r);
                }
                StateKey key = new StateKey(keys.encode(keyValues, 0));
                Integer partial = byKey.get(key);
                if (partial == null) {
                    partial = partials.size();
                    partials.add(new Partial(key, emptyBuffer(),
                            eventTimeKey < 0 ? null : (Long) keyValues[eventTimeKey]));
                    byKey.put(key, partial);
                }
                if (index == partialOfKey.length) {
                    partialOfKey = Arrays.copyOf(partialOfKey, index * 2);
                }
                partialOfKey[index] = partial;
            }
            groupOf[r] = partialOfKey[index];
        }
        Object[][] buffers = new Object[partials.size()][];
        for (int g = 0; g < buffers.length; g++) {
            buffers[g] = partials.get(g).buffer();
        }
        for (int a = 0; a < aggregations.size(); a++) {
            aggregations.get(a).function().fold(buffers, offsets[a], groupOf, rows, args.get(a));
        }
        List<List<Partial>> byPartition = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            byPartition.add(new ArrayList<>());
        }
        partials.forEach(partial -> byPartition.get(partial.key().partition(partitions)).add(partial));
        return byPartition;
    }

    private Object[] emptyBuffer() {
        Object[] buffer = new Object[width];
        for (int a = 0; a < aggregations.size(); a++) {
            aggregations.get(a).function().initialize(buffer, offsets[a]);
        }
        return buffer;
    }
}
