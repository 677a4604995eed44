package sluice.engine.plan;

import java.util.List;

/** The sources. */
final class SourceFactories {
    private SourceFactories() {
    }

    static List<NodeType> types() {
        return List.of(new NodeType(FileSourceFactory.KIND, FileSourceFactory::plan));
    }
}
