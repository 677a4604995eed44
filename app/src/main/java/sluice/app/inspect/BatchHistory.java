package sluice.app.inspect;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import sluice.engine.runtime.BatchSnapshot;

/**
 * Mutable, FX thread only. The last N batch snapshots of every node, oldest first. N is per node (a
 * {@code sink.table}'s {@code maxBatches}, else a default), and a total row budget caps the whole history, so memory
 * stays bounded whatever the stream does: snapshots hold at most 2,000 rows each, and the oldest batches go first.
 */
final class BatchHistory {
    static final int DEFAULT_MAX_BATCHES = 100;
    /** Rows kept over all nodes: about 100 MB of narrow rows. */
    static final long ROW_BUDGET = 500_000;
    private final Map<String, Deque<BatchSnapshot>> byNode = new HashMap<>();
    private final ToIntFunction<String> maxBatches;
    private final long rowBudget;
    private long rows;

    BatchHistory(ToIntFunction<String> maxBatches, long rowBudget) {
        this.maxBatches = requireNonNull(maxBatches, "maxBatches is null");
        this.rowBudget = rowBudget;
    }

    void add(BatchSnapshot snapshot) {
        Deque<BatchSnapshot> batches = byNode.computeIfAbsent(snapshot.nodeId(), id -> new ArrayDeque<>());
        batches.addLast(snapshot);
        rows += snapshot.rows().size();
        int max = Math.max(1, maxBatches.applyAsInt(snapshot.nodeId()));
        while (batches.size() > max) {
            rows -= batches.removeFirst().rows().size();
        }
        while (rows > rowBudget && dropOldestOfLongest()) {
            // keep dropping until the budget holds or every node is down to its newest batch
        }
    }

    private boolean dropOldestOfLongest() {
        Deque<BatchSnapshot> longest = null;
        for (Deque<BatchSnapshot> batches : byNode.values()) {
            if (batches.size() > 1 && (longest == null || batches.size() > longest.size())) {
                longest = batches;
            }
        }
        if (longest == null) {
            return false;
        }
        rows -= longest.removeFirst().rows().size();
        return true;
    }

    /** The kept batches of {@code nodeId}, oldest first. */
    List<BatchSnapshot> batches(String nodeId) {
        Deque<BatchSnapshot> batches = byNode.get(nodeId);
        return batches == null ? List.of() : new ArrayList<>(batches);
    }

    Optional<BatchSnapshot> latest(String nodeId) {
        Deque<BatchSnapshot> batches = byNode.get(nodeId);
        return batches == null || batches.isEmpty() ? Optional.empty() : Optional.of(batches.getLast());
    }

    Optional<BatchSnapshot> batch(String nodeId, long batchId) {
        Deque<BatchSnapshot> batches = byNode.get(nodeId);
        if (batches == null) {
            return Optional.empty();
        }
        return batches.stream().filter(b -> b.batchId() == batchId).findFirst();
    }

    /** The batch kept just before {@code batchId} for {@code nodeId}, for highlighting changes. */
    Optional<BatchSnapshot> previous(String nodeId, long batchId) {
        BatchSnapshot before = null;
        for (BatchSnapshot snapshot : batches(nodeId)) {
            if (snapshot.batchId() >= batchId) {
                break;
            }
            before = snapshot;
        }
        return Optional.ofNullable(before);
    }

    long rowCount() {
        return rows;
    }

    void clear() {
        byNode.clear();
        rows = 0;
    }
}
