package sluice.app.inspect;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.pipeline.PipelineSpec;

/**
 * Whether the rows out of a node can carry the engine's malformed-record marks, for the inspector's "Malformed only"
 * box: a csv or json {@code source.file} in PERMISSIVE mode marks the rows it keeps for malformed records, and
 * filters, projections and unions pass the marks on with the rows; an aggregation (or any node that makes new rows)
 * ends them, so the box is greyed there, naming that node. Immutable.
 *
 * @param kind   whether marks reach the node
 * @param lostAt the node whose output rows are no longer the records read, when {@code kind} is {@code LOST}
 */
record MalformedReach(Kind kind, String lostAt) {
    enum Kind {
        /** No PERMISSIVE csv or json file source feeds the node: no row can be malformed. */
        NO_SOURCE,
        /** Rows from such a source reach the node as themselves, with their marks. */
        KEPT,
        /** Such a source feeds the node, but only through a node that makes new rows. */
        LOST
    }

    /** Node types whose output rows are input rows, one for one or fewer, so a malformed row stays marked. */
    private static final Set<String> ROW_PRESERVING = Set.of("transform.select", "transform.withColumn",
            "transform.filter", "transform.union", "transform.watermark");

    static MalformedReach of(PipelineSpec pipeline, String nodeId) {
        return pipeline == null || nodeId == null ? new MalformedReach(Kind.NO_SOURCE, null)
                : of(pipeline, nodeId, new HashSet<>());
    }

    /** {@code path}: the nodes being visited below, so a pipeline being edited into a cycle cannot loop. */
    private static MalformedReach of(PipelineSpec pipeline, String nodeId, Set<String> path) {
        Optional<NodeSpec> found = pipeline.node(nodeId);
        if (found.isEmpty() || !path.add(nodeId)) {
            return new MalformedReach(Kind.NO_SOURCE, null);
        }
        try {
            return of(pipeline, found.get(), path);
        } finally {
            path.remove(nodeId);
        }
    }

    private static MalformedReach of(PipelineSpec pipeline, NodeSpec node, Set<String> path) {
        if (node.type().startsWith("source.")) {
            return new MalformedReach(isPermissiveFileSource(node) ? Kind.KEPT : Kind.NO_SOURCE, null);
        }
        MalformedReach reach = new MalformedReach(Kind.NO_SOURCE, null);
        for (String input : node.inputs()) {
            MalformedReach upstream = of(pipeline, input, path);
            if (upstream.kind() == Kind.KEPT || reach.kind() == Kind.NO_SOURCE) {
                reach = upstream;
            }
        }
        // A sink shows its input's rows; a node that makes new rows (an aggregation's groups) carries no mark.
        boolean keepsRows = node.type().startsWith("sink.") || ROW_PRESERVING.contains(node.type());
        return reach.kind() == Kind.KEPT && !keepsRows ? new MalformedReach(Kind.LOST, node.id()) : reach;
    }

    /** A csv or json {@code source.file} in PERMISSIVE mode (the default), whose malformed records become nulls. */
    private static boolean isPermissiveFileSource(NodeSpec node) {
        if (!node.type().equals("source.file")) {
            return false;
        }
        String format = text(node, "format", "");
        return (format.equalsIgnoreCase("csv") || format.equalsIgnoreCase("json"))
                && text(node, "mode", "PERMISSIVE").equalsIgnoreCase("PERMISSIVE");
    }

    private static String text(NodeSpec node, String option, String fallback) {
        return node.option(option).filter(OptionValue.Text.class::isInstance)
                .map(v -> ((OptionValue.Text) v).value().strip()).orElse(fallback);
    }
}
