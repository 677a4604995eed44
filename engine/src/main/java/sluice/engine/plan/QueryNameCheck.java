package sluice.engine.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.OptionValue;

/**
 * Query names are unique, as Spark's: each sink of a pipeline is a query of one session, and Spark's
 * StreamingQueryManager refuses to start a query whose name an active query has. So a sink.memory with the queryName
 * of one before it in the file is a problem before the run, with Spark's reason.
 */
final class QueryNameCheck {
    private QueryNameCheck() {
    }

    static void check(List<NodeSpec> nodes, List<Problem> problems) {
        Map<String, String> sinkOfName = new HashMap<>();
        for (NodeSpec node : nodes) {
            if (!node.type().equals(SinkFactories.MEMORY.name())) {
                continue;
            }
            node.options().forEach((option, value) -> {
                if (option.equalsIgnoreCase("queryName") && value instanceof OptionValue.Text name) {
                    String first = sinkOfName.putIfAbsent(name.value(), node.id());
                    if (first != null && !first.equals(node.id())) {
                        problems.add(Problem.of(ErrorCode.BAD_OPTION_VALUE, Position.option(node.id(), option),
                                "Cannot start query with name '%s' as a query with that name is already active (sink "
                                        + "'%s'); give each sink its own queryName", name.value(), first));
                    }
                }
            });
        }
    }
}
