package sluice.engine.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import sluice.engine.checkpoint.Checkpoint;
import sluice.engine.checkpoint.LogOwner;
import sluice.engine.operator.StateContext;
import sluice.engine.operator.StatefulOperator;
import sluice.engine.plan.PlannedNode;
import sluice.engine.plan.QueryPlan;

/**
 * Opens the state of a plan's stateful operators when a query starts, numbering them 0, 1, ... in plan order as
 * Spark numbers its stateful operators. Their state is spread over {@code spark.sql.shuffle.partitions} partitions,
 * kept in the offsets log's settings as Spark keeps it: a checkpoint keeps the number it started with, whatever the
 * default is later, since a key's partition depends on it. Runs once, on the query thread.
 */
final class StateOpening {
    static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";
    /**
     * Sluice's default number of state partitions. Spark's is 200; each partition reads and writes a file per batch,
     * which on a desktop's few cores costs more than the parallelism gains, so Sluice starts new checkpoints with
     * fewer (an existing checkpoint keeps its own number, Spark's 200 included).
     */
    static final int DEFAULT_SHUFFLE_PARTITIONS = 8;

    private StateOpening() {
    }

    /**
     * Opens every stateful operator's state; the settings to log with each batch's offsets (none for a plan without
     * state, whose entries keep the settings the checkpoint resumed with).
     */
    static Map<String, String> open(QueryPlan plan, Checkpoint checkpoint) {
        Map<String, String> resumed = checkpoint == null ? Map.of() : checkpoint.resumedConf();
        int partitions = partitions(resumed.get(SHUFFLE_PARTITIONS), checkpoint);
        int operatorId = 0;
        for (QueryPlan.Step step : plan.steps()) {
            if (step.node() instanceof PlannedNode.TransformNode transform
                    && transform.operator() instanceof StatefulOperator stateful) {
                stateful.openState(new StateContext(checkpoint == null ? null : checkpoint.root(), operatorId,
                        step.nodeId(), partitions, plan.outputModeAfter(step.nodeId())));
                operatorId++;
            }
        }
        if (operatorId == 0) {
            return Map.of();
        }
        Map<String, String> conf = new LinkedHashMap<>(resumed);
        conf.put(SHUFFLE_PARTITIONS, Integer.toString(partitions));
        return conf;
    }

    private static int partitions(String recorded, Checkpoint checkpoint) {
        if (recorded == null) {
            return DEFAULT_SHUFFLE_PARTITIONS;
        }
        try {
            int partitions = Integer.parseInt(recorded.trim());
            if (partitions > 0) {
                return partitions;
            }
        } catch (NumberFormatException e) {
            // Reported below with the other unusable values.
        }
        throw LogOwner.CHECKPOINT.fail("the offsets log in '%s' is damaged: its setting '%s' is '%s', not a "
                + "positive whole number", checkpoint.root(), SHUFFLE_PARTITIONS, recorded);
    }
}
