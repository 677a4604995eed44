package sluice.app.charts;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.OptionValue;

/**
 * The options of one {@code sink.chart} node as the panel draws them: x column, y columns, the optional column that
 * splits rows into series, kind, points kept per series, whether each batch replaces the points (complete mode) or
 * adds to them, and whether a row updates the point of its x (update mode: the row is a group's new value). Immutable.
 */
record ChartSpec(String nodeId, String x, List<String> ys, String series, PlotView.Kind kind, int maxPoints,
                 boolean replaces, boolean updates) {
    static final int DEFAULT_MAX_POINTS = 1000;

    ChartSpec {
        requireNonNull(nodeId, "nodeId is null");
        ys = List.copyOf(ys);
    }

    static Optional<ChartSpec> from(NodeSpec node) {
        if (!node.type().equals("sink.chart")) {
            return Optional.empty();
        }
        String x = text(node, "x").orElse(null);
        List<String> ys = node.option("y").map(ChartSpec::list).orElse(List.of());
        if (x == null || ys.isEmpty()) {
            return Optional.empty();
        }
        PlotView.Kind kind = switch (text(node, "kind").orElse("line")) {
            case "bar" -> PlotView.Kind.BAR;
            case "scatter" -> PlotView.Kind.SCATTER;
            default -> PlotView.Kind.LINE;
        };
        int maxPoints = DEFAULT_MAX_POINTS;
        try {
            maxPoints = Math.max(2, Integer.parseInt(text(node, "maxPoints").orElse("1000").strip()));
        } catch (NumberFormatException e) {
            // the planner reports the bad value on the node; draw with the default meanwhile
        }
        String outputMode = text(node, "outputMode").orElse("append");
        return Optional.of(new ChartSpec(node.id(), x, ys, text(node, "series").orElse(null), kind, maxPoints,
                outputMode.equals("complete"), outputMode.equals("update")));
    }

    private static Optional<String> text(NodeSpec node, String option) {
        return node.option(option).filter(OptionValue.Text.class::isInstance).map(v -> ((OptionValue.Text) v).value())
                .filter(v -> !v.isBlank());
    }

    private static List<String> list(OptionValue value) {
        if (value instanceof OptionValue.TextList list) {
            return list.values();
        }
        String text = ((OptionValue.Text) value).value();
        return text.isBlank() ? List.of() : List.of(text.split("\\s*,\\s*"));
    }
}
