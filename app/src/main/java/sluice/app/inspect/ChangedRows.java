package sluice.app.inspect;

import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import sluice.engine.types.Row;

/**
 * The rows of a batch that were not in the previous batch of the same node, by identity of the current batch's row
 * objects: what an update or complete sink changed. Stateless.
 */
final class ChangedRows {
    private ChangedRows() {
    }

    static Set<Row> of(List<Row> current, List<Row> previous) {
        Set<Row> before = new HashSet<>(previous);
        Set<Row> changed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Row row : current) {
            if (!before.contains(row)) {
                changed.add(row);
            }
        }
        return changed;
    }
}
