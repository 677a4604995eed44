package sluice.app.files;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import javafx.scene.control.Menu;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import sluice.app.document.PipelineDocument;
import sluice.app.validation.LiveValidation;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.pipeline.PipelineJson;

/**
 * FX thread only. Opening and saving pipeline files; problems reading one go to the problems panel. The menu
 * actions ({@link #newAsked}, {@link #chooseAndOpen}, {@link #openAsked}) first ask about unsaved changes; {@link
 * #open} and {@link #newDocument} do not. Files opened or saved go to the recent files list.
 */
public final class FileActions {
    private final PipelineDocument document;
    private final LiveValidation validation;
    private final RecentFiles recent;
    private final UnsavedChanges.Prompt prompt;

    /** Recent files kept in {@code preferences}; unsaved changes asked about in a dialog. */
    public FileActions(PipelineDocument document, LiveValidation validation, Preferences preferences) {
        this(document, validation, new RecentFiles(preferences), null);
    }

    /** {@code prompt} null: the real dialog. */
    public FileActions(PipelineDocument document, LiveValidation validation, RecentFiles recent,
                       UnsavedChanges.Prompt prompt) {
        this.document = requireNonNull(document, "document is null");
        this.validation = requireNonNull(validation, "validation is null");
        this.recent = requireNonNull(recent, "recent is null");
        this.prompt = prompt;
    }

    public RecentFiles recent() {
        return recent;
    }

    /** Opens {@code file}; a file that cannot be read leaves an empty document and its problems. */
    public void open(Path file) {
        PipelineJson.Read read = PipelineJson.read(file);
        validation.setLoadProblems(read.problems());
        document.replace(read.spec() == null ? PipelineDocument.empty() : read.spec(),
                file.toAbsolutePath().normalize());
        validation.check(document.spec());
        if (read.spec() != null) {
            recent.add(file);
        }
    }

    public void newDocument() {
        validation.setLoadProblems(List.of());
        document.replace(PipelineDocument.empty(), null);
        validation.check(document.spec());
    }

    /** Writes the document to {@code target}; a failure becomes a problem, not a crash. */
    public boolean saveTo(Path target) {
        try {
            Files.writeString(target, PipelineJson.write(document.spec()));
            document.markSaved(target.toAbsolutePath().normalize());
            recent.add(target);
            return true;
        } catch (IOException e) {
            validation.setLoadProblems(List.of(Problem.of(ErrorCode.INVALID_FILE, Position.NOWHERE,
                    "cannot save to '%s': %s", target, e.getMessage())));
            validation.check(document.spec());
            return false;
        }
    }

    /**
     * Whether the current document may be dropped: it has no unsaved changes, or the user chose Don't Save, or
     * chose Save and the save worked. Cancel, or a save that failed or was cancelled, keeps it.
     */
    public boolean confirmDiscard(Window owner) {
        if (!document.isDirty()) {
            return true;
        }
        UnsavedChanges.Prompt asking = prompt != null ? prompt : UnsavedChanges.dialog(() -> owner);
        return switch (asking.ask(document.spec().name())) {
            case SAVE -> save(owner);
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    /** File › New: asks about unsaved changes first. */
    public void newAsked(Window owner) {
        if (confirmDiscard(owner)) {
            newDocument();
        }
    }

    /** Opens {@code file} from a menu (recent files, examples): asks about unsaved changes first. */
    public void openAsked(Path file, Window owner) {
        if (confirmDiscard(owner)) {
            open(file);
        }
    }

    public void chooseAndOpen(Window owner) {
        if (!confirmDiscard(owner)) {
            return;
        }
        FileChooser chooser = chooser("Open pipeline");
        java.io.File chosen = chooser.showOpenDialog(owner);
        if (chosen != null) {
            open(chosen.toPath());
        }
    }

    public boolean save(Window owner) {
        return document.file() == null ? saveAs(owner) : saveTo(document.file());
    }

    public boolean saveAs(Window owner) {
        FileChooser chooser = chooser("Save pipeline");
        chooser.setInitialFileName(document.spec().name().replaceAll("[^A-Za-z0-9_-]+", "-") + ".sluice.json");
        java.io.File chosen = chooser.showSaveDialog(owner);
        return chosen != null && saveTo(chosen.toPath());
    }

    /** File › Open Recent, kept up to date with the list. */
    public Menu openRecentMenu(Supplier<Window> owner) {
        return FileMenus.openRecent(this, owner);
    }

    /** File › Examples: the pipelines of {@code sample-data/pipelines}, seen from the working directory. */
    public Menu examplesMenu(Supplier<Window> owner) {
        return FileMenus.examples(this, Examples.list(Path.of("").toAbsolutePath()), owner);
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Sluice pipelines", "*.sluice.json"));
        if (document.file() != null && document.file().getParent() != null) {
            chooser.setInitialDirectory(document.file().getParent().toFile());
        }
        return chooser;
    }
}
