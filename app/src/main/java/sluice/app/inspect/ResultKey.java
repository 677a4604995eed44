package sluice.app.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.types.Schema;

/**
 * Finds the columns that identify a row of a result table: the grouping columns of the nearest aggregation above the
 * node (or the node itself), when the node's rows still have all of them under their names. Stateless.
 */
final class ResultKey {
    private ResultKey() {
    }

    /**
     * The indexes of the key columns in {@code shown}, or an empty array when no aggregation feeds {@code nodeId} or
     * a node after it dropped or renamed a key column (then rows are matched by all their values).
     *
     * @param schemas each node's output schema, by id, as validation found them
     */
    static int[] of(PipelineSpec spec, Map<String, Schema> schemas, String nodeId, Schema shown) {
        Optional<NodeSpec> aggregate = nearestAggregate(spec, nodeId);
        Schema grouped = aggregate.map(node -> schemas.get(node.id())).orElse(null);
        if (grouped == null) {
            return new int[0];
        }
        int keys = aggregate.get().option("groupBy").filter(OptionValue.TextList.class::isInstance)
                .map(value -> ((OptionValue.TextList) value).values().size()).orElse(0);
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < keys && i < grouped.size(); i++) {
            int at = indexOf(shown, grouped.field(i).name());
            if (at < 0) {
                return new int[0];
            }
            indexes.add(at);
        }
        return indexes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Walks up single inputs from {@code nodeId} (a join or union ends the walk: its rows have two origins). */
    private static Optional<NodeSpec> nearestAggregate(PipelineSpec spec, String nodeId) {
        Optional<NodeSpec> node = spec.node(nodeId);
        for (int steps = 0; node.isPresent() && steps <= spec.nodes().size(); steps++) {
            NodeSpec current = node.get();
            if (current.type().equals("transform.aggregate")) {
                return node;
            }
            if (current.inputs().size() != 1) {
                return Optional.empty();
            }
            node = spec.node(current.inputs().get(0));
        }
        return Optional.empty();
    }

    private static int indexOf(Schema schema, String name) {
        for (int i = 0; i < schema.size(); i++) {
            if (schema.field(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
