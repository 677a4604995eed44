package sluice.engine.operator;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import sluice.engine.sink.OutputMode;

/**
 * What a stateful operator learns when its query starts: the checkpoint folder (null without one), its operator id
 * (its place among the plan's stateful operators, as Spark numbers them), its node, the number of shuffle partitions
 * its state is spread over, the output mode of the sinks it feeds, and the event-time columns of the watermarks above
 * it (empty when none is). Immutable.
 */
public record StateContext(Path checkpoint, int operatorId, String nodeId, int shufflePartitions,
                           OutputMode outputMode, List<String> eventTimeColumns) {
    public StateContext {
        requireNonNull(nodeId, "nodeId is null");
        requireNonNull(outputMode, "outputMode is null");
        eventTimeColumns = List.copyOf(eventTimeColumns);
        if (shufflePartitions < 1) {
            throw new IllegalArgumentException("shufflePartitions must be positive: " + shufflePartitions);
        }
    }
}
