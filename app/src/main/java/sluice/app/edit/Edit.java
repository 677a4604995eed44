package sluice.app.edit;

import sluice.engine.pipeline.PipelineSpec;

/** One change to a pipeline, as the user made it. Undo restores the spec from before, so an edit only goes forward. */
public interface Edit {
    /** The pipeline after this edit. */
    PipelineSpec apply(PipelineSpec spec);

    /** What the Undo and Redo menus say: "Undo Move 2 nodes". */
    String description();
}
