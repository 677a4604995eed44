package sluice.engine.state;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The state of one stateful operator: one {@link PartitionState} per partition. Made when a query starts and kept
 * for its life; each partition is used by one task at a time.
 */
public final class StateStore {
    private final StateLocation location;
    private final List<PartitionState> partitions;

    private StateStore(StateLocation location, List<PartitionState> partitions) {
        this.location = location;
        this.partitions = List.copyOf(partitions);
    }

    /** The store at {@code location} whose rows have {@code keys}' and {@code values}' columns. */
    public static StateStore open(StateLocation location, RowEncoding keys, RowEncoding values,
                                  StateRetention retention) {
        requireNonNull(location, "location is null");
        List<PartitionState> partitions = new ArrayList<>();
        for (int p = 0; p < location.partitions(); p++) {
            StateFiles files = location.folder() == null ? null : new StateFiles(location.partitionFolder(p),
                    location.nodeId(), "operator " + location.operatorId() + " ('" + location.nodeId()
                    + "') partition " + p);
            partitions.add(new PartitionState(files, keys, values, retention));
        }
        return new StateStore(location, partitions);
    }

    public StateLocation location() {
        return location;
    }

    public int partitionCount() {
        return partitions.size();
    }

    public PartitionState partition(int index) {
        return partitions.get(index);
    }

    /**
     * A copy of version {@code version} of every partition together (the state after batch {@code version - 1}): the
     * first {@code maxRows} rows in key order and the number of rows in all. As {@link PartitionState#copyOf}: on the
     * query thread between batches, or once the query stopped.
     */
    public StateCopy copyOf(long version, int maxRows) {
        TreeMap<StateKey, Object[]> rows = new TreeMap<>();
        long total = 0;
        for (PartitionState partition : partitions) {
            StateCopy part = partition.copyOf(version, maxRows);
            total += part.totalRows();
            rows.putAll(part.rows());
            while (rows.size() > maxRows) {
                rows.pollLastEntry();
            }
        }
        return new StateCopy(version, rows, total);
    }

    /** The figures of every partition after the last committed batch, summed. */
    public StateMetrics metrics() {
        StateMetrics sum = new StateMetrics(0, 0, 0, 0, 0);
        for (PartitionState partition : partitions) {
            sum = sum.plus(partition.metrics());
        }
        return sum;
    }
}
