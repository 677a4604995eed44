package sluice.app.edit;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import sluice.engine.pipeline.NodeKind;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.plan.NodeCatalog;

/**
 * Makes node {@code from} an input of node {@code to}, at {@code inputIndex} (or last when the node has fewer inputs).
 * The canvas asks {@link #refusal} first and shows its reason; applying a refused connection changes nothing.
 */
public record Connect(String from, String to, int inputIndex) implements Edit {
    public Connect {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        if (inputIndex < 0) {
            throw new IllegalArgumentException("negative input index " + inputIndex);
        }
    }

    /** Why this connection cannot be made in {@code spec}, in one line for the user; empty when it can. */
    public Optional<String> refusal(PipelineSpec spec, NodeCatalog catalog) {
        Optional<NodeSpec> source = spec.node(from);
        Optional<NodeSpec> target = spec.node(to);
        if (source.isEmpty() || target.isEmpty()) {
            return Optional.of("node '" + (source.isEmpty() ? from : to) + "' does not exist");
        }
        if (from.equals(to)) {
            return Optional.of("cannot connect '" + from + "' to itself");
        }
        Optional<NodeKind> fromKind = catalog.type(source.get().type()).map(t -> t.kind());
        Optional<NodeKind> toKind = catalog.type(target.get().type()).map(t -> t.kind());
        if (fromKind.isPresent() && fromKind.get().category() == NodeKind.Category.SINK) {
            return Optional.of("'" + from + "' is a sink; a sink has no output");
        }
        if (toKind.isPresent() && toKind.get().category() == NodeKind.Category.SOURCE) {
            return Optional.of("'" + to + "' is a source; a source takes no input");
        }
        List<String> inputs = target.get().inputs();
        if (inputs.contains(from)) {
            return Optional.of("'" + from + "' is already an input of '" + to + "'");
        }
        if (toKind.isPresent() && inputs.size() >= toKind.get().maxInputs()) {
            int max = toKind.get().maxInputs();
            return Optional.of("'" + to + "' (" + toKind.get().name() + ") takes at most " + max
                    + (max == 1 ? " input" : " inputs"));
        }
        List<String> portNames = toKind.map(NodeKind::inputNames).orElse(List.of());
        if (inputIndex > inputs.size() && inputIndex < portNames.size()) {
            // Inputs are a list, the left one first: a right input without a left one would silently become the left.
            return Optional.of("'" + to + "' has no " + portNames.get(inputs.size()) + " input yet; connect its "
                    + portNames.get(inputs.size()) + " input first");
        }
        if (upstreamOf(spec, from).contains(to)) {
            return Optional.of("connecting '" + from + "' to '" + to + "' would make a cycle");
        }
        return Optional.empty();
    }

    /** Every node whose rows reach {@code id}, following inputs backwards. */
    private static Set<String> upstreamOf(PipelineSpec spec, String id) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(id));
        while (!todo.isEmpty()) {
            spec.node(todo.pop()).ifPresent(node -> node.inputs().stream().filter(seen::add).forEach(todo::push));
        }
        return seen;
    }

    @Override
    public PipelineSpec apply(PipelineSpec spec) {
        if (from.equals(to) || spec.node(from).isEmpty()) {
            return spec;
        }
        List<NodeSpec> nodes = new ArrayList<>();
        for (NodeSpec node : spec.nodes()) {
            if (node.id().equals(to) && !node.inputs().contains(from)) {
                List<String> inputs = new ArrayList<>(node.inputs());
                inputs.add(Math.min(inputIndex, inputs.size()), from);
                nodes.add(node.withInputs(inputs));
            } else {
                nodes.add(node);
            }
        }
        return spec.withNodes(nodes);
    }

    @Override
    public String description() {
        return "Connect " + from + " → " + to;
    }
}
