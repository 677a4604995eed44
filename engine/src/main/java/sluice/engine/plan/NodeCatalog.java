package sluice.engine.plan;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sluice.engine.pipeline.NodeKind;

/**
 * The node types the engine knows, in palette order: sources, transforms, sinks. Immutable; the standard catalog
 * is {@link #standard()}. The workbench's palette and property editors and the README's reference are built from it.
 */
public final class NodeCatalog {
    private final Map<String, NodeType> types;

    public NodeCatalog(List<NodeType> types) {
        Map<String, NodeType> byName = new LinkedHashMap<>();
        for (NodeType type : types) {
            requireNonNull(type, "type is null");
            if (byName.put(type.name(), type) != null) {
                throw new IllegalArgumentException("node type declared twice: " + type.name());
            }
        }
        this.types = byName;
    }

    /** Every node type of this engine. */
    public static NodeCatalog standard() {
        List<NodeType> all = new ArrayList<>();
        all.addAll(SourceFactories.types());
        all.addAll(TransformFactories.types());
        all.addAll(SinkFactories.types());
        return new NodeCatalog(all);
    }

    public Optional<NodeType> type(String name) {
        return Optional.ofNullable(types.get(name));
    }

    public List<NodeType> types() {
        return List.copyOf(types.values());
    }

    public List<NodeKind> kinds() {
        return types.values().stream().map(NodeType::kind).toList();
    }

    public List<String> names() {
        return List.copyOf(types.keySet());
    }
}
