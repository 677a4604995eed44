package sluice.app.edit;

import static java.util.Objects.requireNonNull;

import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;

/** Sets the pipeline's trigger, the one saved in its file. Made by the run toolbar's trigger list. */
public record SetTrigger(Trigger trigger) implements Edit {
    public SetTrigger {
        requireNonNull(trigger, "trigger is null");
        if (trigger instanceof Trigger.Manual) {
            throw new IllegalArgumentException("the manual trigger is the workbench's Step, never saved in a file");
        }
    }

    @Override
    public PipelineSpec apply(PipelineSpec spec) {
        return new PipelineSpec(spec.format(), spec.name(), trigger, spec.checkpointLocation(), spec.nodes());
    }

    @Override
    public String description() {
        return "Change trigger";
    }
}
