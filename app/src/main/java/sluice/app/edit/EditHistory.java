package sluice.app.edit;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import sluice.engine.pipeline.PipelineSpec;

/**
 * FX thread only. The current pipeline and the edits that led to it: applying an edit keeps the spec from before it,
 * undo goes back to that spec, redo applies the edit again. Specs are immutable, so keeping them is cheap.
 */
public final class EditHistory {
    /** One applied edit and the spec it started from. */
    private record Step(Edit edit, PipelineSpec before) {}

    private final ReadOnlyObjectWrapper<PipelineSpec> spec = new ReadOnlyObjectWrapper<>(this, "spec");
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper(this, "undoText", "Undo");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper(this, "redoText", "Redo");

    public EditHistory(PipelineSpec initial) {
        spec.set(requireNonNull(initial, "initial is null"));
    }

    public ReadOnlyObjectProperty<PipelineSpec> specProperty() {
        return spec.getReadOnlyProperty();
    }

    public PipelineSpec spec() {
        return spec.get();
    }

    /** Applies {@code edit}; an edit that changes nothing is not recorded. */
    public void apply(Edit edit) {
        PipelineSpec before = spec.get();
        PipelineSpec after = edit.apply(before);
        if (after.equals(before)) {
            return;
        }
        undo.push(new Step(edit, before));
        redo.clear();
        spec.set(after);
        update();
    }

    public void undo() {
        if (undo.isEmpty()) {
            return;
        }
        Step step = undo.pop();
        redo.push(new Step(step.edit(), step.before()));
        spec.set(step.before());
        update();
    }

    public void redo() {
        if (redo.isEmpty()) {
            return;
        }
        Step step = redo.pop();
        undo.push(step);
        spec.set(step.edit().apply(step.before()));
        update();
    }

    /** Starts over from {@code fresh} (a file was opened): nothing to undo. */
    public void reset(PipelineSpec fresh) {
        undo.clear();
        redo.clear();
        spec.set(requireNonNull(fresh, "fresh is null"));
        update();
    }

    private void update() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        undoText.set(undo.isEmpty() ? "Undo" : "Undo " + undo.peek().edit().description());
        redoText.set(redo.isEmpty() ? "Redo" : "Redo " + redo.peek().edit().description());
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }
}
