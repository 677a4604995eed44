package sluice.engine.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.pipeline.NodeSpec;

/** Orders a pipeline's nodes so every node comes after its inputs, ties in file order, and reports cycles. */
final class GraphOrder {
    private GraphOrder() {
    }

    /** Nodes in topological order; nodes on a cycle (and after it) are left out and the cycle is a problem. */
    static List<NodeSpec> topological(Map<String, NodeSpec> byId, List<Problem> problems) {
        Map<String, Integer> pending = new HashMap<>();
        for (NodeSpec node : byId.values()) {
            pending.put(node.id(), (int) node.inputs().stream().filter(byId::containsKey).distinct().count());
        }
        List<NodeSpec> order = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (NodeSpec node : byId.values()) {
                if (!done.contains(node.id()) && pending.get(node.id()) == 0) {
                    done.add(node.id());
                    order.add(node);
                    progress = true;
                    for (NodeSpec other : byId.values()) {
                        if (other.inputs().contains(node.id())) {
                            pending.merge(other.id(), -1, Integer::sum);
                        }
                    }
                    break;
                }
            }
        }
        if (order.size() < byId.size()) {
            reportCycle(byId, done, problems);
        }
        return order;
    }

    private static void reportCycle(Map<String, NodeSpec> byId, Set<String> done, List<Problem> problems) {
        // Walk inputs from an unordered node until a node repeats: that loop is the cycle to show.
        String start = byId.keySet().stream().filter(id -> !done.contains(id)).findFirst().orElseThrow();
        List<String> path = new ArrayList<>();
        String current = start;
        while (!path.contains(current)) {
            path.add(current);
            current = byId.get(current).inputs().stream()
                    .filter(id -> byId.containsKey(id) && !done.contains(id)).findFirst().orElseThrow();
        }
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(current), path.size()));
        java.util.Collections.reverse(cycle);
        cycle.add(cycle.get(0));
        problems.add(Problem.of(ErrorCode.CYCLE, Position.option(cycle.get(0), "inputs"),
                "the pipeline has a cycle: %s; data must flow from sources to sinks", String.join(" -> ", cycle)));
    }
}
