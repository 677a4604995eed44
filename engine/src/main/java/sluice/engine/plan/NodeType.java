package sluice.engine.plan;

import static java.util.Objects.requireNonNull;

import sluice.engine.pipeline.NodeKind;

/** A node type of the catalog: its declaration and the factory that makes it. */
public record NodeType(NodeKind kind, NodeFactory factory) {
    public NodeType {
        requireNonNull(kind, "kind is null");
        requireNonNull(factory, "factory is null");
    }

    public String name() {
        return kind.name();
    }
}
