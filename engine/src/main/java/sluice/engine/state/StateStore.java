package sluice.engine.state;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

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
}
