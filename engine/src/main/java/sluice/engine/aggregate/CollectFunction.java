package sluice.engine.aggregate;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sluice.engine.types.ArrayType;
import sluice.engine.types.ColumnVector;
import sluice.engine.types.DataType;
import sluice.engine.types.VectorBuilder;

/**
 * Spark's {@code collect_list} and {@code collect_set}: an ARRAY of the non-null values (containsNull false, never
 * null: an empty array for a group of only nulls). A list keeps the values in the order the rows came, as Spark's
 * streaming plan gives them (the kept values, then the batch's, which is Spark's merge of the restored state with the
 * batch's partial); a set keeps each value once, here in the order of first arrival, with Spark's equality of its
 * Scala set (-0.0 equals 0.0 and the first one stays; NaN equals nothing, so each NaN stays). Spark's set iterates
 * in the order of its hash table, which Spark itself calls non-deterministic, so its tests and the compatibility
 * suite compare sets sorted ({@code sort_array}). The buffer is the kept values (an unmodifiable list, as committed
 * state must not change) and the batch's values, collected in a mutable list (a set: a map from each value's key to the
 * value) until {@link #endBatch}. Immutable.
 */
record CollectFunction(DataType elementType, boolean distinct) implements AggregateFunction {
    CollectFunction {
        requireNonNull(elementType, "elementType is null");
    }

    @Override
    public DataType resultType() {
        return new ArrayType(elementType, false);
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public List<DataType> bufferTypes() {
        return List.of(resultType(), resultType());
    }

    @Override
    public void initialize(Object[] buffer, int at) {
        buffer[at] = List.of();
        buffer[at + 1] = null;
    }

    @Override
    public void update(Object[] buffer, int at, List<ColumnVector> args, int row) {
        Object value = args.get(0).get(row);
        if (value == null) {
            return;
        }
        if (distinct) {
            @SuppressWarnings("unchecked")
            Map<Object, Object> batch = (Map<Object, Object>) buffer[at + 1];
            if (batch == null) {
                batch = new LinkedHashMap<>();
                buffer[at + 1] = batch;
            }
            batch.putIfAbsent(keyOf(value), value);
        } else {
            @SuppressWarnings("unchecked")
            List<Object> batch = (List<Object>) buffer[at + 1];
            if (batch == null) {
                batch = new ArrayList<>();
                buffer[at + 1] = batch;
            }
            batch.add(value);
        }
    }

    /** The value as the set compares it: -0.0 as 0.0, and each NaN unlike anything else. */
    private static Object keyOf(Object value) {
        if (value instanceof Double d) {
            return d.isNaN() ? new Object() : (Object) (d == 0.0 ? 0.0 : d);
        } else if (value instanceof Float f) {
            return f.isNaN() ? new Object() : (Object) (f == 0.0f ? 0.0f : f);
        }
        return value;
    }

    @Override
    public void endBatch(Object[] buffer, int at) {
        Object batch = buffer[at + 1];
        buffer[at + 1] = null;
        if (batch == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object> kept = (List<Object>) buffer[at];
        List<Object> merged = new ArrayList<>(kept);
        if (distinct) {
            Map<Object, Object> all = new LinkedHashMap<>();
            kept.forEach(value -> all.put(keyOf(value), value));
            ((Map<?, ?>) batch).forEach(all::putIfAbsent);
            merged = new ArrayList<>(all.values());
        } else {
            merged.addAll((List<?>) batch);
        }
        buffer[at] = Collections.unmodifiableList(merged);
    }

    @Override
    public void merge(Object[] buffer, int at, Object[] other, int otherAt) {
        @SuppressWarnings("unchecked")
        List<Object> kept = (List<Object>) buffer[at];
        List<?> later = (List<?>) other[otherAt];
        if (distinct) {
            Map<Object, Object> all = new LinkedHashMap<>();
            kept.forEach(value -> all.put(keyOf(value), value));
            later.forEach(value -> all.putIfAbsent(keyOf(value), value));
            buffer[at] = Collections.unmodifiableList(new ArrayList<>(all.values()));
        } else {
            List<Object> merged = new ArrayList<>(kept);
            merged.addAll(later);
            buffer[at] = Collections.unmodifiableList(merged);
        }
    }

    @Override
    public boolean mergesPartials() {
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void mergePartial(Object[] buffer, int at, Object[] partial, int partialAt) {
        Object rows = partial[partialAt + 1];
        if (rows == null) {
            return;
        }
        if (distinct) {
            Map<Object, Object> batch = (Map<Object, Object>) buffer[at + 1];
            if (batch == null) {
                batch = new LinkedHashMap<>();
                buffer[at + 1] = batch;
            }
            ((Map<Object, Object>) rows).forEach(batch::putIfAbsent);
        } else {
            List<Object> batch = (List<Object>) buffer[at + 1];
            if (batch == null) {
                batch = new ArrayList<>();
                buffer[at + 1] = batch;
            }
            batch.addAll((List<Object>) rows);
        }
    }

    @Override
    public void result(Object[] buffer, int at, VectorBuilder out) {
        out.appendObject(buffer[at]);
    }
}
