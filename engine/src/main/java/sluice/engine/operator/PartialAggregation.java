package sluice.engine.operator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    /** Key values compared as the values they are, to find a row's group without encoding its key. */
    private record KeyValues(Object[] values) {
        @Override
        public boolean equals(Object other) {
            return other instanceof KeyValues that && Arrays.deepEquals(values, that.values);
        }

        @Override
        public int hashCode() {
            return Arrays.deepHashCode(values);
        }

        @Override
        public String toString() {
            return Arrays.deepToString(values);
        }
    }

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
     * key values, so a key is encoded once per distinct values, not once per row; values that differ yet encode
     * alike (as Spark's grouping sees them) share one group, their rows in order.
     */
    List<List<Partial>> fold(int rows, List<ColumnVector> keyColumns, List<List<ColumnVector>> args,
                             int eventTimeKey, int partitions) {
        Map<KeyValues, Partial> byValues = new HashMap<>();
        Map<StateKey, Partial> byKey = new LinkedHashMap<>();
        Object[] keyValues = new Object[keyColumns.size()];
        KeyValues probe = new KeyValues(keyValues);
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < keyValues.length; k++) {
                keyValues[k] = StoredValues.read(keyColumns.get(k), r);
            }
            Partial partial = byValues.get(probe);
            if (partial == null) {
                StateKey key = new StateKey(keys.encode(keyValues, 0));
                partial = byKey.get(key);
                if (partial == null) {
                    partial = new Partial(key, emptyBuffer(),
                            eventTimeKey < 0 ? null : (Long) keyValues[eventTimeKey]);
                    byKey.put(key, partial);
                }
                byValues.put(new KeyValues(keyValues.clone()), partial);
            }
            for (int a = 0; a < aggregations.size(); a++) {
                aggregations.get(a).function().update(partial.buffer(), offsets[a], args.get(a), r);
            }
        }
        List<List<Partial>> byPartition = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            byPartition.add(new ArrayList<>());
        }
        byKey.values().forEach(partial -> byPartition.get(partial.key().partition(partitions)).add(partial));
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
