package sluice.engine.state;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Set;
import java.util.TreeMap;

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
    /**
     * The keys this batch put and the rows it removed, as Spark's operators count them as they go: a key put and
     * removed in the same batch (a window emitted and evicted at once) counts in both.
     */
    private final Set<StateKey> put = new HashSet<>();
    private long removed;
    /** The rows the last committed batch wrote and removed. */
    private long lastUpdated;
    private long lastRemoved;
    /** An estimate of the bytes the rows of the loaded version take in memory, kept as rows come and go. */
    private long memoryBytes;

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
        put.clear();
        removed = 0;
        batchId = id;
        if (version == id) {
            return;
        }
        if (files == null) {
            if (id != 0 && version != -1) {
                throw new IllegalStateException("in-memory state is at version " + version + ", not " + id);
            }
            rows.clear();
            memoryBytes = 0;
            version = id;
            return;
        }
        load(id);
    }

    private void load(long target) {
        rows.clear();
        version = target;
        snapshotVersion = read(target, target, rows);
        memoryBytes = 0;
        rows.forEach((key, value) -> memoryBytes += sizeOf(key, value));
    }

    /**
     * Reads version {@code target} from the files into {@code into}, naming batch {@code forBatch} in problems; the
     * version of the snapshot it started from.
     */
    private long read(long target, long forBatch, Map<StateKey, Object[]> into) {
        if (target == 0) {
            return 0;
        }
        TreeMap<Long, Boolean> found = files.versions();
        long from = 0;
        for (Entry<Long, Boolean> entry : found.entrySet()) {
            if (entry.getValue() && entry.getKey() <= target) {
                from = entry.getKey();
            }
        }
        if (from == 0 && !found.isEmpty() && found.firstEntry().getValue() && found.firstKey() > 1) {
            // The retention (minBatchesToRetain) removed the files before the oldest snapshot it kept: a version
            // older than that snapshot is gone as it should be, not damaged.
            throw files.notKept(target, forBatch, found.firstKey(), found.lastKey());
        }
        if (from > 0) {
            readInto(files.snapshot(from), forBatch, into);
        }
        for (long delta = from + 1; delta <= target; delta++) {
            readInto(files.delta(delta), forBatch, into);
        }
        return from;
    }

    /** {@code forBatch} is the batch whose state is read, for problems. */
    private void readInto(Path file, long forBatch, Map<StateKey, Object[]> into) {
        files.read(file, forBatch, (key, value) -> {
            StateKey stateKey = new StateKey(key);
            if (value == null) {
                into.remove(stateKey);
                return;
            }
            Object[] decoded = new Object[values.width()];
            try {
                keys.decode(key, new Object[keys.width()], 0);
                values.decode(value, decoded, 0);
            } catch (IOException | RuntimeException e) {
                throw files.damaged(file, forBatch, "a state row does not decode");
            }
            into.put(stateKey, decoded);
        });
    }

    private void forget(StateKey key, Object[] old) {
        if (old != null) {
            memoryBytes -= sizeOf(key, old);
        }
    }

    /**
     * A rough size of a row in memory: its key's bytes, the value slots, and the map entry around them. Spark measures
     * its map with a size estimator; the two figures are of the same kind but not equal.
     */
    private static long sizeOf(StateKey key, Object[] value) {
        return key.bytes().length + 16L * value.length + 64;
    }

    /**
     * A copy of version {@code version} (the state after batch {@code version - 1}), at most {@code maxRows} rows of it
     * in key order: from memory when it is the loaded version, else read from the files without touching the loaded
     * one. Call it on the thread that owns this partition, between batches (or once the query stopped).
     *
     * @throws IllegalStateException for a version neither loaded nor on disk (a query without a checkpoint keeps
     *                               only its latest version)
     */
    public StateCopy copyOf(long version, int maxRows) {
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows must not be negative: " + maxRows);
        }
        if (version == 0) {
            return new StateCopy(0, new TreeMap<>(), 0);
        }
        if (version == this.version) {
            return new StateCopy(version, first(rows, maxRows), rows.size());
        }
        if (files == null) {
            throw new IllegalStateException("state version " + version + " is not kept: without a checkpoint only "
                    + "version " + this.version + " is");
        }
        Map<StateKey, Object[]> read = new HashMap<>();
        read(version, version - 1, read);
        return new StateCopy(version, first(read, maxRows), read.size());
    }

    /** The first {@code maxRows} rows of {@code all} in key order, their values copied. */
    private static TreeMap<StateKey, Object[]> first(Map<StateKey, Object[]> all, int maxRows) {
        TreeMap<StateKey, Object[]> kept = new TreeMap<>();
        if (maxRows == 0) {
            return kept;
        }
        // A bounded selection: a state of millions of rows costs a pass, not a sort, when only a page is wanted.
        for (Entry<StateKey, Object[]> row : all.entrySet()) {
            if (kept.size() < maxRows) {
                kept.put(row.getKey(), row.getValue());
            } else if (row.getKey().compareTo(kept.lastKey()) < 0) {
                kept.pollLastEntry();
                kept.put(row.getKey(), row.getValue());
            }
        }
        kept.replaceAll((key, value) -> value.clone());
        return kept;
    }

    /** The figures after the last committed batch. */
    public StateMetrics metrics() {
        return new StateMetrics(rows.size(), lastUpdated, lastRemoved, memoryBytes, 1);
    }

    /** The row of {@code key} as this batch sees it (changes included), or null. Callers must not change it. */
    public Object[] get(StateKey key) {
        Object[] changed = changes.get(key);
        return changed != null || changes.containsKey(key) ? changed : rows.get(key);
    }

    /** Sets the row of {@code key} for this batch; {@code value} must not be changed afterwards. */
    public void put(StateKey key, Object[] value) {
        changes.put(key, requireNonNull(value, "value is null"));
        put.add(key);
    }

    public void remove(StateKey key) {
        if (get(key) != null) {
            removed++;
        }
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
        lastUpdated = put.size();
        lastRemoved = removed;
        put.clear();
        removed = 0;
        changes.forEach((key, value) -> {
            if (value == null) {
                forget(key, rows.remove(key));
            } else {
                forget(key, rows.put(key, value));
                memoryBytes += sizeOf(key, value);
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
