package sluice.engine.state;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

/**
 * Mutable, owned by one task at a time: the state of one partition of one operator. A batch {@link #begin}s at the
 * version it reads (its batch id), reads and changes rows, and {@link #commit}s the next version: the changed rows go
 * to {@code <batchId + 1>.delta} before the rows in memory change, so a batch that fails or is stopped before its
 * commit leaves the loaded version as it was, and one that crashes after it is re-run from the files, reading
 * version {@code batchId} again. As Spark's provider, the latest version stays in memory and a version it does not
 * hold is rebuilt from the newest snapshot at or before it plus the deltas after it.
 */
public final class PartitionState {
    private final StateFiles files;
    private final RowEncoding keys;
    private final RowEncoding values;
    private final StateRetention retention;
    private final Map<StateKey, Object[]> rows = new HashMap<>();
    private final Map<StateKey, Object[]> changes = new LinkedHashMap<>();
    /** The version {@link #rows} holds, -1 before the first load. */
    private long version = -1;
    /** The version of the newest snapshot at or before {@link #version}, 0 when none. */
    private long snapshotVersion;
    private long batchId = -1;

    /** {@code files} is null for a query without a checkpoint: its state lives only here. */
    PartitionState(StateFiles files, RowEncoding keys, RowEncoding values, StateRetention retention) {
        this.files = files;
        this.keys = requireNonNull(keys, "keys is null");
        this.values = requireNonNull(values, "values is null");
        this.retention = requireNonNull(retention, "retention is null");
    }

    /** Starts batch {@code id}: the state it sees is version {@code id}, the state after batch {@code id - 1}. */
    public void begin(long id) {
        changes.clear();
        batchId = id;
        if (version == id) {
            return;
        }
        if (files == null) {
            if (id != 0 && version != -1) {
                throw new IllegalStateException("in-memory state is at version " + version + ", not " + id);
            }
            rows.clear();
            version = id;
            return;
        }
        load(id);
    }

    private void load(long target) {
        rows.clear();
        version = target;
        snapshotVersion = 0;
        if (target == 0) {
            return;
        }
        Map<Long, Boolean> found = files.versions();
        long from = 0;
        for (Entry<Long, Boolean> entry : found.entrySet()) {
            if (entry.getValue() && entry.getKey() <= target) {
                from = entry.getKey();
            }
        }
        if (from > 0) {
            snapshotVersion = from;
            readInto(files.snapshot(from));
        }
        for (long delta = from + 1; delta <= target; delta++) {
            readInto(files.delta(delta));
        }
    }

    private void readInto(Path file) {
        files.read(file, batchId, (key, value) -> {
            StateKey stateKey = new StateKey(key);
            if (value == null) {
                rows.remove(stateKey);
                return;
            }
            Object[] decoded = new Object[values.width()];
            try {
                keys.decode(key, new Object[keys.width()], 0);
                values.decode(value, decoded, 0);
            } catch (IOException | RuntimeException e) {
                throw files.damaged(file, batchId, "a state row does not decode");
            }
            rows.put(stateKey, decoded);
        });
    }

    /** The row of {@code key} as this batch sees it (changes included), or null. Callers must not change it. */
    public Object[] get(StateKey key) {
        Object[] changed = changes.get(key);
        return changed != null || changes.containsKey(key) ? changed : rows.get(key);
    }

    /** Sets the row of {@code key} for this batch; {@code value} must not be changed afterwards. */
    public void put(StateKey key, Object[] value) {
        changes.put(key, requireNonNull(value, "value is null"));
    }

    public void remove(StateKey key) {
        changes.put(key, null);
    }

    /**
     * Writes the state after this batch (version {@code batchId + 1}) and then takes it as the loaded version; a
     * snapshot and cleanup follow when due, as Spark's maintenance does (here after the commit instead of on a
     * timer, so files on disk follow batches, not wall-clock time).
     */
    public void commit() {
        long next = batchId + 1;
        if (files != null) {
            Map<StateKey, byte[]> encoded = new HashMap<>();
            changes.forEach((key, value) -> encoded.put(key, value == null ? null : values.encode(value, 0)));
            files.writeDelta(next, encoded);
        }
        changes.forEach((key, value) -> {
            if (value == null) {
                rows.remove(key);
            } else {
                rows.put(key, value);
            }
        });
        changes.clear();
        version = next;
        if (files != null && next - snapshotVersion > retention.minDeltasForSnapshot()) {
            Map<StateKey, byte[]> all = new HashMap<>();
            rows.forEach((key, value) -> all.put(key, values.encode(value, 0)));
            files.writeSnapshot(next, all);
            snapshotVersion = next;
            files.deleteBefore(next - retention.minBatchesToRetain());
        }
    }

    /** The keys this batch changed, in key order. */
    public List<StateKey> changedKeys() {
        List<StateKey> keys = new ArrayList<>(changes.keySet());
        Collections.sort(keys);
        return keys;
    }

    /** Every key of the loaded version, in key order. */
    public List<StateKey> keys() {
        List<StateKey> keys = new ArrayList<>(rows.keySet());
        Collections.sort(keys);
        return keys;
    }

    /** The number of rows of the loaded version. */
    public int size() {
        return rows.size();
    }
}
