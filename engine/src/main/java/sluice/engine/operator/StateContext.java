package sluice.engine.operator;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import sluice.engine.sink.OutputMode;

/**
 * What a stateful operator learns when its query starts: the checkpoint folder (null without one), its operator id
 * (its place among the plan's stateful operators, as Spark numbers them), its node, the number of shuffle partitions
 * its state is spread over, and the output mode of the sinks it feeds. Immutable.
 */
public record StateContext(Path checkpoint, int operatorId, String nodeId, int shufflePartitions,
                           OutputMode outputMode) {
    public StateContext {
        requireNonNull(nodeId, "nodeId is null");
        requireNonNull(outputMode, "outputMode is null");
        if (shufflePartitions < 1) {
            throw new IllegalArgumentException("shufflePartitions must be positive: " + shufflePartitions);
        }
    }
}
