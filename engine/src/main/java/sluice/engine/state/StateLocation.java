package sluice.engine.state;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Where one stateful operator keeps its state: its folder {@code <checkpoint>/state/<operatorId>} (null for a query
 * without a checkpoint, whose state lives in memory only), its number of partitions, and the node it belongs to,
 * which problems name. Immutable.
 */
public record StateLocation(Path folder, int operatorId, int partitions, String nodeId) {
    public StateLocation {
        requireNonNull(nodeId, "nodeId is null");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be positive: " + partitions);
        }
    }

    /** The folder of operator {@code operatorId} under a checkpoint, as Spark lays it out. */
    public static Path folder(Path checkpoint, int operatorId) {
        return checkpoint.resolve("state").resolve(Integer.toString(operatorId));
    }

    Path partitionFolder(int partition) {
        return folder.resolve(Integer.toString(partition));
    }
}
