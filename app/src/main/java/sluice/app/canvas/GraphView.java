package sluice.app.canvas;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.scene.Group;
import sluice.app.edit.Link;
import sluice.engine.diag.Problem;
import sluice.engine.pipeline.NodeKind;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.NodeType;

/**
 * FX thread only; mutable. The node and edge views of the current spec, kept by node id and by edge: a new spec
 * updates the views in place, adds views for new ids and drops the ones whose node or edge is gone. Edges are drawn
 * under nodes.
 */
final class GraphView {
    private final NodeCatalog catalog;
    private final Group edgeLayer = new Group();
    private final Group nodeLayer = new Group();
    private final Group root = new Group(edgeLayer, nodeLayer);
    private final Map<String, NodeView> nodes = new LinkedHashMap<>();
    private final Map<Link, EdgeView> edges = new LinkedHashMap<>();
    private final Consumer<NodeView> onNewNode;
    private final Consumer<EdgeView> onNewEdge;
    private Map<String, Long> rowsByNode = Map.of();
    private List<Problem> failures = List.of();
    private Map<String, Long> malformedByNode = Map.of();
    private Map<String, String> stateByNode = Map.of();

    GraphView(NodeCatalog catalog, Consumer<NodeView> onNewNode, Consumer<EdgeView> onNewEdge) {
        this.catalog = catalog;
        this.onNewNode = onNewNode;
        this.onNewEdge = onNewEdge;
    }

    void show(PipelineSpec spec) {
        Set<String> ids = new LinkedHashSet<>();
        for (NodeSpec node : spec.nodes()) {
            ids.add(node.id());
            NodeView view = nodes.get(node.id());
            if (view == null) {
                view = new NodeView(node.id());
                nodes.put(node.id(), view);
                nodeLayer.getChildren().add(view.root());
                onNewNode.accept(view);
            }
            view.update(node, catalog.type(node.type()).map(NodeType::kind).orElse(null));
        }
        nodes.keySet().removeIf(id -> {
            if (ids.contains(id)) {
                return false;
            }
            nodeLayer.getChildren().remove(nodes.get(id).root());
            return true;
        });
        Set<Link> links = new LinkedHashSet<>();
        for (NodeSpec node : spec.nodes()) {
            for (int i = 0; i < node.inputs().size(); i++) {
                if (ids.contains(node.inputs().get(i))) {
                    links.add(new Link(node.inputs().get(i), node.id(), i));
                }
            }
        }
        edges.keySet().removeIf(link -> {
            if (links.contains(link)) {
                return false;
            }
            edgeLayer.getChildren().remove(edges.get(link).root());
            return true;
        });
        for (Link link : links) {
            if (!edges.containsKey(link)) {
                EdgeView edge = new EdgeView(link);
                edges.put(link, edge);
                edgeLayer.getChildren().add(edge.root());
                onNewEdge.accept(edge);
            }
        }
        redrawEdges(ids);
        showRowCounts(rowsByNode);
        showFailures(failures);
        showMalformed(malformedByNode);
        showState(stateByNode);
    }

    /** Redraws the edges that touch any of {@code nodeIds}, after their views moved. */
    void redrawEdges(Collection<String> nodeIds) {
        for (EdgeView edge : edges.values()) {
            Link link = edge.link();
            if (nodeIds.contains(link.from()) || nodeIds.contains(link.to())) {
                edge.connect(nodes.get(link.from()).outputPoint(), nodes.get(link.to()).inputPoint(link.inputIndex()));
            }
        }
    }

    void showRowCounts(Map<String, Long> counts) {
        rowsByNode = counts;
        for (EdgeView edge : edges.values()) {
            edge.showRows(counts.get(edge.link().from()));
        }
    }

    void showMalformed(Map<String, Long> counts) {
        malformedByNode = counts;
        nodes.forEach((id, view) -> view.showMalformed(counts.getOrDefault(id, 0L)));
    }

    void showState(Map<String, String> texts) {
        stateByNode = texts;
        nodes.forEach((id, view) -> view.showState(texts.get(id)));
    }

    String stateText(String nodeId) {
        NodeView view = nodes.get(nodeId);
        return view == null ? "" : view.stateText();
    }

    void showSelection(Collection<String> selectedNodes, Link selectedEdge) {
        Set<String> selected = new LinkedHashSet<>(selectedNodes);
        nodes.forEach((id, view) -> view.showSelected(selected.contains(id)));
        edges.forEach((link, view) -> view.showSelected(link.equals(selectedEdge)));
    }

    /** Marks each node with the first problem that names it. */
    void showProblems(List<Problem> problems) {
        Map<String, String> first = new LinkedHashMap<>();
        for (Problem problem : problems) {
            String nodeId = problem.where().nodeId();
            if (nodeId != null) {
                first.putIfAbsent(nodeId, problem.message());
            }
        }
        nodes.forEach((id, view) -> view.showProblem(first.get(id)));
    }

    /** Marks each node a run failed at with the failure's message; the others are cleared. */
    void showFailures(List<Problem> runFailures) {
        failures = List.copyOf(runFailures);
        Map<String, String> first = new LinkedHashMap<>();
        for (Problem failure : runFailures) {
            if (failure.where().nodeId() != null) {
                first.putIfAbsent(failure.where().nodeId(), failure.render());
            }
        }
        nodes.forEach((id, view) -> view.showFailure(first.get(id)));
    }

    NodeView node(String id) {
        return nodes.get(id);
    }

    Collection<NodeView> nodeViews() {
        return nodes.values();
    }

    Collection<EdgeView> edgeViews() {
        return edges.values();
    }

    /** The node whose box covers the pipeline point (x, y), topmost first; null when none. */
    NodeView nodeAt(double x, double y) {
        List<NodeView> all = new ArrayList<>(nodes.values());
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).covers(x, y)) {
                return all.get(i);
            }
        }
        return null;
    }

    Group root() {
        return root;
    }
}
