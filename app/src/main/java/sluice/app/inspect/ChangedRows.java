package sluice.app.inspect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sluice.engine.types.Row;

/**
 * What an update or complete sink's batch changed in the result table: each row of the batch marked new or changed
 * (by identity; unchanged rows are not marked), and, in complete mode, the rows of the previous batch that are gone
 * (also marked, as removed, so the inspector can show them among the batch's rows).
 * Rows are matched by their result key (an aggregation's grouping columns); without one, by all their values, so a
 * row whose values changed shows as a new row and a removed one. Immutable.
 */
record ChangedRows(Map<Row, Change> marks, List<Row> removed) {
    /** How a row of the result table differs from the batches before. */
    enum Change { NEW, CHANGED, REMOVED }

    static final ChangedRows NONE = new ChangedRows(Map.of(), List.of());

    ChangedRows {
        marks = Collections.unmodifiableMap(marks);
        removed = List.copyOf(removed);
    }

    /**
     * @param current the rows of the batch shown
     * @param earlier the rows of the kept batches before it, oldest first (empty for the first batch)
     * @param key the indexes of the key columns in the rows, or empty to match whole rows
     * @param complete whether the sink's output mode is complete (each batch is the whole table, so a row missing
     *                 from it was removed); otherwise update (each batch has only the rows it changed, so a key seen
     *                 in any earlier batch is a change and a missing row is not a removal)
     */
    static ChangedRows of(List<Row> current, List<List<Row>> earlier, int[] key, boolean complete) {
        if (earlier.isEmpty()) {
            return NONE;
        }
        List<Row> previous = earlier.get(earlier.size() - 1);
        if (key.length == 0) {
            return byWholeRow(current, previous, complete);
        }
        Map<List<Object>, Row> before = new HashMap<>();
        for (List<Row> batch : complete ? List.of(previous) : earlier) {
            for (Row row : batch) {
                before.put(keyOf(row, key), row);
            }
        }
        Map<Row, Change> marks = new IdentityHashMap<>();
        Set<List<Object>> keys = new HashSet<>();
        for (Row row : current) {
            List<Object> rowKey = keyOf(row, key);
            keys.add(rowKey);
            Row old = before.get(rowKey);
            if (old == null) {
                marks.put(row, Change.NEW);
            } else if (!complete || !old.equals(row)) {
                marks.put(row, Change.CHANGED);
            }
        }
        List<Row> removed = new ArrayList<>();
        if (complete) {
            for (Row row : previous) {
                if (!keys.contains(keyOf(row, key))) {
                    removed.add(row);
                    marks.put(row, Change.REMOVED);
                }
            }
        }
        return new ChangedRows(marks, removed);
    }

    private static ChangedRows byWholeRow(List<Row> current, List<Row> previous, boolean complete) {
        Set<Row> before = new HashSet<>(previous);
        Map<Row, Change> marks = new IdentityHashMap<>();
        for (Row row : current) {
            if (!before.contains(row)) {
                marks.put(row, Change.NEW);
            }
        }
        List<Row> removed = new ArrayList<>();
        if (complete) {
            Set<Row> now = new HashSet<>(current);
            for (Row row : previous) {
                if (!now.contains(row)) {
                    removed.add(row);
                    marks.put(row, Change.REMOVED);
                }
            }
        }
        return new ChangedRows(marks, removed);
    }

    private static List<Object> keyOf(Row row, int[] key) {
        List<Object> values = new ArrayList<>(key.length);
        for (int index : key) {
            values.add(row.get(index));
        }
        return values;
    }

    /** The rows marked {@code change}. */
    long count(Change change) {
        return marks.values().stream().filter(change::equals).count();
    }
}
