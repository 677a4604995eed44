package sluice.app.canvas;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import sluice.app.document.PipelineDocument;
import sluice.app.document.Selection;
import sluice.app.edit.Disconnect;
import sluice.app.edit.Link;
import sluice.app.edit.PasteNodes;
import sluice.app.edit.RemoveElements;
import sluice.app.validation.LiveValidation;
import sluice.engine.diag.Problem;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.plan.NodeCatalog;

/**
 * FX thread only. The pipeline drawn as nodes and edges, edited by gestures (one class each: palette drop, connect,
 * node drag, rubber band, pan and zoom) and by the Edit menu's commands here. Every change is an edit on the
 * document; the views follow the document's spec, the shared {@link Selection} and the live validation's problems.
 */
public final class PipelineCanvas {
    private static final double PASTE_OFFSET = 30;

    private final PipelineDocument document;
    private final Selection selection;
    private final GraphView graph;
    private final Viewport viewport;
    private final CanvasMessage message = new CanvasMessage();
    private final NodeClipboard clipboard = new NodeClipboard();
    private int pastes;
    /** From opening a file until the person clicks, pans or zooms the canvas: the pipeline is kept whole in view. */
    private boolean keepWhole;

    public PipelineCanvas(PipelineDocument document, Selection selection, NodeCatalog catalog,
                          LiveValidation validation) {
        this.document = requireNonNull(document, "document is null");
        this.selection = requireNonNull(selection, "selection is null");
        requireNonNull(catalog, "catalog is null");
        requireNonNull(validation, "validation is null");
        List<NodeView> created = new ArrayList<>();
        List<EdgeView> createdEdges = new ArrayList<>();
        graph = new GraphView(catalog, created::add, createdEdges::add);
        viewport = new Viewport(graph.root());
        viewport.overlay().getChildren().add(message.view());
        viewport.pane().getStylesheets().add(PipelineCanvas.class.getResource("/sluice/app/canvas.css")
                .toExternalForm());
        new PanZoomGesture(viewport);
        new RubberBandGesture(viewport, graph, selection);
        new PaletteDropGesture(viewport, document, selection);
        NodeDragGesture drag = new NodeDragGesture(viewport, graph, selection, document);
        ConnectGesture connect = new ConnectGesture(viewport, graph, document, catalog, message);
        viewport.pane().addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.BACK_SPACE || e.getCode() == KeyCode.DELETE) {
                deleteSelection();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                message.hide();
                selection.clear();
                e.consume();
            }
        });
        viewport.pane().addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            message.hide();
            keepWhole = false;
        });

        Runnable wire = () -> {
            created.forEach(view -> {
                connect.attach(view);
                drag.attach(view);
            });
            created.clear();
            createdEdges.forEach(this::attachEdge);
            createdEdges.clear();
        };
        document.specProperty().addListener((obs, old, spec) -> {
            show(spec);
            wire.run();
        });
        // A newly opened file is shown whole; runLater so the nodes have been laid out first. Until the person
        // touches the canvas it stays whole while the window takes its size (a file opened at launch is read before
        // the window has one).
        document.fileProperty().addListener((obs, old, file) -> {
            keepWhole = true;
            Platform.runLater(this::fitToView);
        });
        viewport.pane().widthProperty().addListener((obs, old, width) -> refit());
        viewport.pane().heightProperty().addListener((obs, old, height) -> refit());
        viewport.pane().addEventFilter(ScrollEvent.ANY, e -> keepWhole = false);
        selection.nodes().addListener((ListChangeListener<String>) change -> showSelection());
        selection.edgeProperty().addListener((obs, old, edge) -> showSelection());
        validation.problems().addListener((ListChangeListener<Problem>) change ->
                graph.showProblems(validation.problems()));
        show(document.spec());
        wire.run();
        graph.showProblems(validation.problems());
    }

    private void show(PipelineSpec spec) {
        graph.show(spec);
        Set<String> ids = spec.nodes().stream().map(NodeSpec::id).collect(Collectors.toSet());
        if (!ids.containsAll(selection.nodes())) {
            selection.nodes().retainAll(ids);
        }
        Selection.EdgeRef edge = selection.edgeProperty().get();
        if (edge != null && graph.edgeViews().stream().noneMatch(v -> v.link().equals(toLink(edge)))) {
            selection.edgeProperty().set(null);
        }
        showSelection();
    }

    private void attachEdge(EdgeView edge) {
        edge.hitArea().addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                Link link = edge.link();
                selection.selectEdge(new Selection.EdgeRef(link.from(), link.to(), link.inputIndex()));
                viewport.pane().requestFocus();
                e.consume();
            }
        });
    }

    private void showSelection() {
        Selection.EdgeRef edge = selection.edgeProperty().get();
        graph.showSelection(selection.nodes(), edge == null ? null : toLink(edge));
    }

    private static Link toLink(Selection.EdgeRef edge) {
        return new Link(edge.from(), edge.to(), edge.inputIndex());
    }

    public Node view() {
        return viewport.pane();
    }

    /** Shows the rows out of each node in the last batch on the edges leaving it. */
    public void showRowCounts(Map<String, Long> rowsByNode) {
        graph.showRowCounts(new java.util.LinkedHashMap<>(rowsByNode));
    }

    /** Shows over each source how many malformed records its reader kept as nulls in the last batch. */
    public void showMalformed(Map<String, Long> recordsByNode) {
        graph.showMalformed(new java.util.LinkedHashMap<>(recordsByNode));
    }

    /**
     * Shows over each stateful node what its state holds after the last batch (see {@link StateFigures}); nodes
     * missing from {@code textByNode} show nothing.
     */
    public void showState(Map<String, String> textByNode) {
        graph.showState(new java.util.LinkedHashMap<>(textByNode));
    }

    /** The state figures shown over node {@code nodeId}, or "" when none (for tests). */
    public String stateText(String nodeId) {
        return graph.stateText(nodeId);
    }

    /** Marks the nodes the last run failed at (red, the message under the node); an empty list clears them. */
    public void showRunFailures(List<Problem> failures) {
        graph.showFailures(failures);
    }

    private void refit() {
        if (keepWhole) {
            fitToView();
        }
    }

    /** Zooms and pans so every node is visible, at most at 100%. */
    public void fitToView() {
        if (graph.nodeViews().isEmpty()) {
            viewport.setTransform(ViewTransform.IDENTITY);
            return;
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (NodeView view : graph.nodeViews()) {
            minX = Math.min(minX, view.root().getLayoutX());
            minY = Math.min(minY, view.root().getLayoutY());
            maxX = Math.max(maxX, view.root().getLayoutX() + NodeView.WIDTH);
            maxY = Math.max(maxY, view.root().getLayoutY() + view.height());
        }
        viewport.fit(minX, minY, maxX, maxY);
    }

    public void copySelection() {
        List<NodeSpec> nodes = selectedNodes();
        if (!nodes.isEmpty()) {
            clipboard.copy(nodes);
            pastes = 0;
        }
    }

    /** Pastes the copied nodes under new ids, a little further down each time, and selects them. */
    public void paste() {
        List<NodeSpec> nodes = clipboard.contents();
        if (nodes.isEmpty()) {
            return;
        }
        pastes++;
        addCopies(new PasteNodes(nodes, PASTE_OFFSET * pastes, PASTE_OFFSET * pastes, "Paste"));
    }

    public void duplicateSelection() {
        List<NodeSpec> nodes = selectedNodes();
        if (!nodes.isEmpty()) {
            addCopies(new PasteNodes(nodes, PASTE_OFFSET, PASTE_OFFSET, "Duplicate"));
        }
    }

    private void addCopies(PasteNodes edit) {
        List<String> ids = List.copyOf(edit.newIds(document.spec()).values());
        document.apply(edit);
        selection.selectAll(ids);
    }

    /** Deletes the selected nodes with their edges, or the selected edge. */
    public void deleteSelection() {
        if (!selection.nodes().isEmpty()) {
            document.apply(RemoveElements.nodes(List.copyOf(selection.nodes())));
            selection.clear();
        } else if (selection.edgeProperty().get() != null) {
            document.apply(new Disconnect(toLink(selection.edgeProperty().get())));
            selection.clear();
        }
    }

    public void selectAll() {
        selection.selectAll(document.spec().nodes().stream().map(NodeSpec::id).toList());
    }

    private List<NodeSpec> selectedNodes() {
        PipelineSpec spec = document.spec();
        // In pipeline order, so pasted copies keep the order of the original file.
        return spec.nodes().stream().filter(n -> selection.nodes().contains(n.id())).toList();
    }

    /** The view of node {@code id}, or null: for tests in this package. */
    NodeView nodeView(String id) {
        return graph.node(id);
    }

    String messageText() {
        return message.text();
    }

    ViewTransform viewTransform() {
        return viewport.transform();
    }
}
