package sluice.engine.plan;

import java.util.List;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.operator.StatefulOperator;
import sluice.engine.operator.UnionOperator;
import sluice.engine.pipeline.NodeKind;
import sluice.engine.pipeline.NodeSpec;

/**
 * Where a static table ({@code source.file} with {@code static: true}) may go: into a join with a stream, or through
 * stateless transforms on its way there. A sink needs a stream (Spark: {@code writeStream} on a batch DataFrame), a
 * union mixes the two only where Spark allows it (never), and a stateful operator over the table alone would fold the
 * same rows into its state every batch, where Spark aggregates a batch DataFrame once: refused for now.
 */
final class StaticInputCheck {
    private StaticInputCheck() {
    }

    /** False, with the problem added, when {@code node} takes a static table where Spark needs a stream. */
    static boolean check(NodeSpec node, NodeKind kind, PlannedNode made, List<Boolean> inputsStreaming,
                         List<Problem> problems) {
        if (inputsStreaming.isEmpty() || inputsStreaming.contains(true) && !inputsStreaming.contains(false)) {
            return true;
        }
        Position where = Position.option(node.id(), "inputs");
        if (kind.category() == NodeKind.Category.SINK) {
            problems.add(Problem.of(ErrorCode.STATIC_INPUT, where, "[WRITE_STREAM_NOT_ALLOWED] `writeStream` can be "
                    + "called only on streaming Dataset/DataFrame; input '%s' is a static table (source.file with "
                    + "static: true): join it with a stream first", node.inputs().get(0)));
        } else if (made instanceof PlannedNode.TransformNode transform
                && transform.operator() instanceof UnionOperator && inputsStreaming.contains(true)) {
            problems.add(Problem.of(ErrorCode.STATIC_INPUT, where,
                    "Union between streaming and batch DataFrames/Datasets is not supported"));
        } else if (made instanceof PlannedNode.TransformNode transform
                && transform.operator() instanceof StatefulOperator && !inputsStreaming.contains(true)) {
            problems.add(Problem.of(ErrorCode.STATIC_INPUT, where, "%s over a static table alone is not supported "
                    + "yet: it would fold the same rows into its state every batch; apply it to the stream",
                    kind.name()));
        } else {
            return true;
        }
        return false;
    }
}
