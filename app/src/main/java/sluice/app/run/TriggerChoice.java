package sluice.app.run;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;
import sluice.app.document.PipelineDocument;
import sluice.app.edit.SetTrigger;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;

/**
 * FX thread only. The run toolbar's trigger list: it shows the pipeline's own trigger (the file's; none is Spark's
 * default, as fast as possible), and choosing another is an undoable edit that marks the pipeline as changed and is
 * saved with it. An interval the file names other than one second is listed too.
 */
public final class TriggerChoice {
    static final Trigger EVERY_SECOND = new Trigger.ProcessingTime(Duration.ofSeconds(1), "1 second");
    private static final List<Trigger> STANDARD = List.of(Trigger.DEFAULT, EVERY_SECOND, new Trigger.Once(),
            new Trigger.AvailableNow());

    private final PipelineDocument document;
    private final ChoiceBox<Trigger> box;
    private boolean showing;

    /** Drives {@code box} (made in the window's layout) from and into {@code document}. */
    public TriggerChoice(ChoiceBox<Trigger> box, PipelineDocument document) {
        this.box = requireNonNull(box, "box is null");
        this.document = requireNonNull(document, "document is null");
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Trigger trigger) {
                return trigger == null ? "" : label(trigger);
            }

            @Override
            public Trigger fromString(String text) {
                throw new UnsupportedOperationException("the list is not editable");
            }
        });
        box.setTooltip(new Tooltip("When micro-batches run; saved with the pipeline"));
        box.valueProperty().addListener((obs, old, chosen) -> {
            if (!showing && chosen != null && !sameTrigger(chosen, document.spec().trigger())) {
                document.apply(new SetTrigger(chosen));
            }
        });
        document.specProperty().addListener((obs, old, spec) -> show(spec));
        show(document.spec());
    }

    private void show(PipelineSpec spec) {
        showing = true;
        try {
            List<Trigger> items = new ArrayList<>(STANDARD);
            Trigger own = spec.trigger();
            Trigger listed = items.stream().filter(t -> sameTrigger(t, own)).findFirst().orElse(null);
            if (listed == null) {
                items.add(2, own);
                listed = own;
            }
            if (!box.getItems().equals(items)) {
                box.getItems().setAll(items);
            }
            box.setValue(listed);
        } finally {
            showing = false;
        }
    }

    /** What the list says: "As fast as possible", "Every second", "Every 5 seconds", "Once", "Available now". */
    public static String label(Trigger trigger) {
        if (trigger instanceof Trigger.ProcessingTime time) {
            return time.interval().equals(Duration.ofSeconds(1)) ? "Every second" : "Every " + time.text();
        } else if (trigger instanceof Trigger.Once) {
            return "Once";
        } else if (trigger instanceof Trigger.AvailableNow) {
            return "Available now";
        } else if (trigger instanceof Trigger.Manual) {
            return "Step";
        } else if (trigger instanceof Trigger.AsFastAsPossible) {
            return "As fast as possible";
        }
        throw new AssertionError(trigger);
    }

    /** Two intervals written differently ("1 second", "1000 milliseconds") are the same trigger. */
    static boolean sameTrigger(Trigger a, Trigger b) {
        if (a instanceof Trigger.ProcessingTime x && b instanceof Trigger.ProcessingTime y) {
            return x.interval().equals(y.interval());
        }
        return a.equals(b);
    }
}
