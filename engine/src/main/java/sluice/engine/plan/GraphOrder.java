package sluice.engine.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.pipeline.NodeSpec;

/**
 * Orders a pipeline's nodes so every node comes after its inputs, ties in file order, and reports cycles. Time grows
 * with the number of nodes and edges (times a logarithm), and nothing recurses, so a chain of 100,000 nodes is fine.
 */
final class GraphOrder {
    /** A longer cycle is shown by its first and last nodes: the message stays one readable line. */
    private static final int SHOWN_CYCLE_NODES = 10;

    private GraphOrder() {
    }

    /** Nodes in topological order; nodes on a cycle (and after it) are left out and the cycle is a problem. */
    static List<NodeSpec> topological(Map<String, NodeSpec> byId, List<Problem> problems) {
        List<NodeSpec> nodes = new ArrayList<>(byId.values());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i).id(), i);
        }
        int[] pending = new int[nodes.size()];
        List<List<Integer>> dependents = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            dependents.add(new ArrayList<>(1));
        }
        for (int i = 0; i < nodes.size(); i++) {
            for (String input : new LinkedHashSet<>(nodes.get(i).inputs())) {
                Integer from = index.get(input);
                if (from != null) {
                    pending[i]++;
                    dependents.get(from).add(i);
                }
            }
        }
        // Kahn's algorithm; of the nodes whose inputs are all placed, the first in file order goes next.
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        List<NodeSpec> order = new ArrayList<>(nodes.size());
        boolean[] placed = new boolean[nodes.size()];
        while (!ready.isEmpty()) {
            int next = ready.poll();
            placed[next] = true;
            order.add(nodes.get(next));
            for (int dependent : dependents.get(next)) {
                if (--pending[dependent] == 0) {
                    ready.add(dependent);
                }
            }
        }
        if (order.size() < nodes.size()) {
            reportCycle(nodes, index, placed, problems);
        }
        return order;
    }

    private static void reportCycle(List<NodeSpec> nodes, Map<String, Integer> index, boolean[] placed,
                                    List<Problem> problems) {
        // Walk inputs from the first unplaced node until a node repeats: that loop is the cycle to show.
        int current = 0;
        while (placed[current]) {
            current++;
        }
        List<String> path = new ArrayList<>();
        Map<Integer, Integer> onPath = new HashMap<>();
        while (!onPath.containsKey(current)) {
            onPath.put(current, path.size());
            path.add(nodes.get(current).id());
            current = nodes.get(current).inputs().stream().map(index::get)
                    .filter(i -> i != null && !placed[i]).findFirst().orElseThrow();
        }
        List<String> cycle = new ArrayList<>(path.subList(onPath.get(current), path.size()));
        Collections.reverse(cycle);
        cycle.add(cycle.get(0));
        problems.add(Problem.of(ErrorCode.CYCLE, Position.option(cycle.get(0), "inputs"),
                "the pipeline has a cycle: %s; data must flow from sources to sinks", shown(cycle)));
    }

    private static String shown(List<String> cycle) {
        if (cycle.size() <= SHOWN_CYCLE_NODES + 1) {
            return String.join(" -> ", cycle);
        }
        int half = SHOWN_CYCLE_NODES / 2;
        return String.join(" -> ", cycle.subList(0, half)) + " -> ... " + (cycle.size() - 2 * half)
                + " more ... -> " + String.join(" -> ", cycle.subList(cycle.size() - half, cycle.size()));
    }
}
