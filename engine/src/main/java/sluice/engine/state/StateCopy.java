package sluice.engine.state;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A copy of the first rows of one version of a state, in key order, and how many rows that version holds in all.
 * The value arrays are copies of the store's, so whoever holds a copy never sees the live state change; the values
 * in them are immutable (see {@link RowEncoding}). Made by {@link StateStore#copyOf}; immutable once made.
 */
public record StateCopy(long version, SortedMap<StateKey, Object[]> rows, long totalRows) {
    public StateCopy {
        requireNonNull(rows, "rows is null");
        rows = Collections.unmodifiableSortedMap(new TreeMap<>(rows));
    }

    public boolean isTruncated() {
        return rows.size() < totalRows;
    }
}
