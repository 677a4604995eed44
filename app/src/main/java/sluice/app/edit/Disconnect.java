package sluice.app.edit;

import static java.util.Objects.requireNonNull;

import sluice.engine.pipeline.PipelineSpec;

/** Removes one edge (selected on the canvas and deleted); the nodes stay. */
public record Disconnect(Link edge) implements Edit {
    public Disconnect {
        requireNonNull(edge, "edge is null");
    }

    @Override
    public PipelineSpec apply(PipelineSpec spec) {
        return RemoveElements.edge(edge).apply(spec);
    }

    @Override
    public String description() {
        return "Disconnect " + edge.label();
    }
}
