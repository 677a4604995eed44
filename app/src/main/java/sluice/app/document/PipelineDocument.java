package sluice.app.document;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import sluice.app.edit.Edit;
import sluice.app.edit.EditHistory;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;

/**
 * FX thread only. The pipeline being edited: its spec (through the edit history), the file it came from or was
 * saved to (null for a new one), and whether it differs from what that file holds.
 */
public final class PipelineDocument {
    private final EditHistory history;
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final ObjectProperty<PipelineSpec> saved = new SimpleObjectProperty<>(this, "saved");
    private final BooleanBinding dirty;
    private final ReadOnlyLongWrapper loads = new ReadOnlyLongWrapper(this, "loads");

    public PipelineDocument() {
        PipelineSpec empty = empty();
        history = new EditHistory(empty);
        saved.set(empty);
        dirty = Bindings.createBooleanBinding(() -> !history.spec().equals(saved.get()), history.specProperty(),
                saved);
    }

    public static PipelineSpec empty() {
        return new PipelineSpec(PipelineSpec.FORMAT, "Untitled", Trigger.DEFAULT, null, List.of());
    }

    public EditHistory history() {
        return history;
    }

    public PipelineSpec spec() {
        return history.spec();
    }

    public ReadOnlyObjectProperty<PipelineSpec> specProperty() {
        return history.specProperty();
    }

    public void apply(Edit edit) {
        history.apply(edit);
    }

    /** Replaces the whole document with {@code spec} read from (or new at) {@code source}; nothing to undo. */
    public void replace(PipelineSpec spec, Path source) {
        history.reset(spec);
        saved.set(spec);
        file.set(source);
    }

    /**
     * Another pipeline takes the document's place (New, Open): as {@link #replace}, and {@link #loadsProperty()}
     * counts it, so the views of the previous pipeline's run know to clear.
     */
    public void load(PipelineSpec spec, Path source) {
        replace(spec, source);
        loads.set(loads.get() + 1);
    }

    /** How many pipelines were loaded with {@link #load}; a change means another pipeline is open. */
    public ReadOnlyLongProperty loadsProperty() {
        return loads.getReadOnlyProperty();
    }

    /** The current spec was written to {@code target}. */
    public void markSaved(Path target) {
        saved.set(history.spec());
        file.set(target);
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file;
    }

    public Path file() {
        return file.get();
    }

    public BooleanBinding dirtyProperty() {
        return dirty;
    }

    public boolean isDirty() {
        return dirty.get();
    }
}
