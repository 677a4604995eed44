package sluice.app.properties;

import static java.util.Objects.requireNonNull;

import sluice.app.edit.Edit;
import sluice.engine.pipeline.PipelineSpec;

/** Gives the pipeline a new name (the window title and the file's {@code name}). Made by the pipeline sheet. */
public record RenamePipeline(String name) implements Edit {
    public RenamePipeline {
        requireNonNull(name, "name is null");
    }

    @Override
    public PipelineSpec apply(PipelineSpec spec) {
        return new PipelineSpec(spec.format(), name, spec.trigger(), spec.checkpointLocation(), spec.nodes());
    }

    @Override
    public String description() {
        return "Rename pipeline";
    }
}
