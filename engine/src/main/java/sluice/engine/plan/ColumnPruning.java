package sluice.engine.plan;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells each source which of its columns the query reads, walking the plan from the sinks back, as Spark's optimizer
 * prunes columns before a scan. A sink reads every column it receives; an operator says what it reads of its inputs.
 */
final class ColumnPruning {
    private ColumnPruning() {
    }

    static void apply(List<QueryPlan.Step> steps) {
        Map<String, BitSet> required = new HashMap<>();
        Map<String, Integer> width = new HashMap<>();
        steps.forEach(step -> width.put(step.nodeId(), step.node().schema().size()));
        for (int i = steps.size() - 1; i >= 0; i--) {
            QueryPlan.Step step = steps.get(i);
            BitSet own = required.getOrDefault(step.nodeId(), new BitSet());
            PlannedNode node = step.node();
            if (node instanceof PlannedNode.SinkNode sink) {
                BitSet all = new BitSet();
                all.set(0, sink.schema().size());
                need(required, step.inputs().get(0), all);
            } else if (node instanceof PlannedNode.TransformNode transform) {
                for (int input = 0; input < step.inputs().size(); input++) {
                    String inputId = step.inputs().get(input);
                    need(required, inputId, transform.operator().requiredInputColumns(input,
                            width.getOrDefault(inputId, 0), own));
                }
            } else if (node instanceof PlannedNode.SourceNode source) {
                source.source().pruneColumns(own);
            } else {
                throw new AssertionError(node);
            }
        }
    }

    private static void need(Map<String, BitSet> required, String nodeId, BitSet columns) {
        required.computeIfAbsent(nodeId, id -> new BitSet()).or(columns);
    }
}
