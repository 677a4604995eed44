package sluice.engine.types;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One row of values as Java objects (see {@link ColumnVector#get}); used for struct values and in tests. */
public record Row(List<Object> values) {
    public Row {
        // List.copyOf refuses nulls, and SQL rows hold them.
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    public static Row of(Object... values) {
        return new Row(java.util.Arrays.asList(values));
    }

    public Object get(int index) {
        return values.get(index);
    }

    public int size() {
        return values.size();
    }
}
