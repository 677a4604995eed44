package sluice.app.canvas;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import sluice.engine.pipeline.NodeKind;
import sluice.engine.pipeline.NodeSpec;

/**
 * FX thread only; mutable. The box of one node on the canvas: id, type, a stripe in its category's colour, input
 * ports on the left, an output port on the right, a problem marker, and, when a run failed here, a red box with the
 * failure's message under it. Made once per node id and updated in place
 * when the spec changes, so gestures and tests keep the same instance.
 */
final class NodeView {
    static final double WIDTH = 176;
    static final double MIN_HEIGHT = 58;
    static final double PORT_RADIUS = 6;
    private static final double PORT_GAP = 22;
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final String id;
    private final Pane root = new Pane();
    private final Label type = new Label();
    private final Label badge = new Label("!");
    private final Tooltip tooltip = new Tooltip();
    private final Label failure = new Label();
    private final Label malformed = new Label();
    /** A stateful node's rows kept, rows dropped as late and watermark, over the box; hidden when it has none. */
    private final Label state = new Label();
    private String problem;
    private final Circle out = new Circle(PORT_RADIUS);
    private final List<Circle> ins = new ArrayList<>();
    /** The names of the input ports where the kind names them (a join's left and right), beside each port. */
    private final List<Label> inNames = new ArrayList<>();
    private NodeKind kind;
    private NodeSpec spec;
    private String description = "";

    NodeView(String id) {
        this.id = id;
        root.setId("node-" + cssSafe(id));
        root.getStyleClass().add("node-view");
        Label name = new Label(id);
        name.getStyleClass().add("node-id");
        type.getStyleClass().add("node-type");
        VBox text = new VBox(2, name, type);
        text.getStyleClass().add("node-text");
        text.setLayoutX(14);
        text.setLayoutY(10);
        text.setMaxWidth(WIDTH - 36);
        text.setMouseTransparent(true);
        badge.getStyleClass().add("problem-badge");
        badge.setLayoutX(WIDTH - 24);
        badge.setLayoutY(6);
        badge.setVisible(false);
        failure.setId("failure-" + cssSafe(id));
        failure.getStyleClass().add("node-failure");
        failure.setWrapText(true);
        failure.setMaxWidth(WIDTH + 60);
        failure.setLayoutY(MIN_HEIGHT + 6);
        failure.setVisible(false);
        failure.setMouseTransparent(true);
        malformed.setId("malformed-" + cssSafe(id));
        malformed.getStyleClass().add("node-malformed");
        malformed.setLayoutY(-22);
        malformed.setVisible(false);
        malformed.setMouseTransparent(true);
        state.setId("state-" + cssSafe(id));
        state.getStyleClass().add("node-state");
        // Over the box, bottom edge just above it whether it has one line or two.
        state.layoutYProperty().bind(state.heightProperty().negate().subtract(4));
        state.setVisible(false);
        state.setMouseTransparent(true);
        out.setId("out-" + cssSafe(id));
        out.getStyleClass().addAll("port", "out-port");
        root.getChildren().addAll(text, badge, out, failure, malformed, state);
        Tooltip.install(root, tooltip);
        root.setPrefWidth(WIDTH);
        root.setMinWidth(WIDTH);
        root.setMaxWidth(WIDTH);
    }

    /** Shows {@code node} of {@code nodeKind} (null when the engine does not know its type). */
    void update(NodeSpec node, NodeKind nodeKind) {
        spec = node;
        if (nodeKind != kind || type.getText().isEmpty()) {
            kind = nodeKind;
            type.setText(node.type());
            root.getStyleClass().removeAll("source", "transform", "sink", "unknown");
            root.getStyleClass().add(kind == null ? "unknown" : kind.category().name().toLowerCase(Locale.ROOT));
            description = kind == null ? "unknown node type '" + node.type() + "'" : kind.description();
        }
        int ports = inputPortCount(kind, node.inputs().size());
        List<String> portNames = kind == null ? List.of() : kind.inputNames();
        if (ports != ins.size() || portNames.size() != inNames.size()) {
            root.getChildren().removeAll(ins);
            root.getChildren().removeAll(inNames);
            ins.clear();
            inNames.clear();
            for (int i = 0; i < ports; i++) {
                Circle port = new Circle(PORT_RADIUS);
                port.setId("in-" + cssSafe(id) + "-" + i);
                port.getStyleClass().addAll("port", "in-port");
                ins.add(port);
            }
            for (int i = 0; i < Math.min(ports, portNames.size()); i++) {
                Label name = new Label(portNames.get(i));
                name.setId("in-name-" + cssSafe(id) + "-" + i);
                name.getStyleClass().add("in-port-name");
                name.setMouseTransparent(true);
                inNames.add(name);
            }
            root.getChildren().addAll(ins);
            root.getChildren().addAll(inNames);
        }
        double height = height();
        root.setPrefHeight(height);
        root.setMinHeight(height);
        root.setMaxHeight(height);
        for (int i = 0; i < ins.size(); i++) {
            ins.get(i).setCenterX(0);
            ins.get(i).setCenterY(inputY(i));
        }
        for (int i = 0; i < inNames.size(); i++) {
            // Outside the box, left of its port, where the node's own text does not run.
            inNames.get(i).setLayoutX(-PORT_RADIUS - 34);
            inNames.get(i).setLayoutY(inputY(i) - 18);
        }
        out.setVisible(kind == null || kind.category() != NodeKind.Category.SINK);
        out.setCenterX(WIDTH);
        out.setCenterY(height / 2);
        root.relocate(node.x(), node.y());
        failure.setLayoutY(height + 6);
        showTooltip();
    }

    /** Input ports to draw: one per input, plus a free one while the kind takes more, and at least its minimum. */
    static int inputPortCount(NodeKind kind, int inputs) {
        if (kind == null) {
            return inputs + 1;
        }
        if (kind.category() == NodeKind.Category.SOURCE) {
            return 0;
        }
        return Math.max(kind.minInputs(), inputs < kind.maxInputs() ? inputs + 1 : inputs);
    }

    /** Letters, digits, '-' and '_' kept, anything else '_', so ids work in CSS selectors: {@code #node-a_b}. */
    static String cssSafe(String text) {
        return text.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    void showSelected(boolean selected) {
        root.pseudoClassStateChanged(SELECTED, selected);
    }

    /** Marks the node with its first problem, or clears the mark when {@code message} is null. */
    void showProblem(String message) {
        problem = message;
        root.pseudoClassStateChanged(PROBLEM, message != null);
        badge.setVisible(message != null || failure.isVisible());
        showTooltip();
    }

    /**
     * Turns the node red with why the run failed here written under it, or clears that when {@code message} is null:
     * a failed run must be seen where the eye is, not only in the status bar.
     */
    void showFailure(String message) {
        failure.setText(message == null ? "" : message);
        failure.setVisible(message != null);
        root.pseudoClassStateChanged(FAILED, message != null);
        badge.setVisible(message != null || problem != null);
        showTooltip();
    }

    private void showTooltip() {
        String text = failure.isVisible() ? "Run failed: " + failure.getText() : problem;
        tooltip.setText(text == null ? description : text);
    }

    double height() {
        return Math.max(MIN_HEIGHT, ins.size() * PORT_GAP + 14);
    }

    private double inputY(int index) {
        return height() * (index + 1) / (ins.size() + 1);
    }

    /** Where an edge into input {@code index} ends, in pipeline coordinates, at the view's current place. */
    Point2D inputPoint(int index) {
        int slot = Math.min(index, Math.max(0, ins.size() - 1));
        return new Point2D(root.getLayoutX(), root.getLayoutY() + (ins.isEmpty() ? height() / 2 : inputY(slot)));
    }

    Point2D outputPoint() {
        return new Point2D(root.getLayoutX() + WIDTH, root.getLayoutY() + height() / 2);
    }

    /** The input port nearest to (x, y) in pipeline coordinates within {@code reach}, or -1. */
    int inputPortNear(double x, double y, double reach) {
        int best = -1;
        double bestDistance = reach;
        for (int i = 0; i < ins.size(); i++) {
            double distance = inputPoint(i).distance(x, y);
            if (distance <= bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Whether (x, y) in pipeline coordinates lies on the box. */
    boolean covers(double x, double y) {
        double left = root.getLayoutX();
        double top = root.getLayoutY();
        return x >= left && x <= left + WIDTH && y >= top && y <= top + height();
    }

    String id() {
        return id;
    }

    NodeSpec spec() {
        return spec;
    }

    Pane root() {
        return root;
    }

    Circle outPort() {
        return out;
    }

    String tooltipText() {
        return tooltip.getText();
    }

    boolean hasProblem() {
        return root.getPseudoClassStates().contains(PROBLEM);
    }

    boolean hasFailed() {
        return root.getPseudoClassStates().contains(FAILED);
    }

    /**
     * The malformed records its reader kept as nulls in the last batch, over the node; hidden at 0. Spark keeps them
     * silent, and a newcomer would not know why a column is suddenly null.
     */
    void showMalformed(long records) {
        malformed.setText(String.format(java.util.Locale.ROOT, "%,d malformed record%s", records,
                records == 1 ? "" : "s"));
        malformed.setVisible(records > 0);
    }

    /** Shows {@code text} (a stateful node's figures after the last batch) over the node, or hides it when null. */
    void showState(String text) {
        state.setText(text == null ? "" : text);
        state.setVisible(text != null);
    }

    /** The state figures over the node, or "" when none. */
    String stateText() {
        return state.isVisible() ? state.getText() : "";
    }

    /** The failure's message under the node, or "" when none. */
    String failureText() {
        return failure.isVisible() ? failure.getText() : "";
    }
}
