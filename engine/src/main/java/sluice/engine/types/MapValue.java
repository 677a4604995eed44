package sluice.engine.types;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The value of a MAP column: keys and values in insertion order, as Spark's array-based maps keep them (show() and
 * the writers print them in that order). Keys are non-null; values may be null. Elements are in the Java form of
 * {@link ColumnVector#get}. Immutable. The map builder refuses a repeated key; a JSON object read into a map keeps
 * its keys as written, as Spark's reader does, and a lookup finds the first.
 */
public record MapValue(List<Object> keys, List<Object> values) {
    public MapValue {
        // List.copyOf refuses nulls, and map values hold them.
        keys = Collections.unmodifiableList(new ArrayList<>(keys));
        values = Collections.unmodifiableList(new ArrayList<>(values));
        if (keys.size() != values.size()) {
            throw new IllegalArgumentException(keys.size() + " keys for " + values.size() + " values");
        }
    }

    public static final MapValue EMPTY = new MapValue(List.of(), List.of());

    public int size() {
        return keys.size();
    }

    public Object key(int index) {
        return keys.get(index);
    }

    public Object value(int index) {
        return values.get(index);
    }

    /** The index of the first key equal to {@code key} in Spark's ordering ({@link ValueOrder}), or -1. */
    public int indexOf(Object key) {
        for (int i = 0; i < keys.size(); i++) {
            if (ValueOrder.compare(keys.get(i), key) == 0) {
                return i;
            }
        }
        return -1;
    }
}
