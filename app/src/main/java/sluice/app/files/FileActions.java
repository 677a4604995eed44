package sluice.app.files;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import sluice.app.document.PipelineDocument;
import sluice.app.validation.LiveValidation;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.pipeline.PipelineJson;

/** FX thread only. Opening and saving pipeline files; problems reading one go to the problems panel. */
public final class FileActions {
    private final PipelineDocument document;
    private final LiveValidation validation;

    public FileActions(PipelineDocument document, LiveValidation validation) {
        this.document = requireNonNull(document, "document is null");
        this.validation = requireNonNull(validation, "validation is null");
    }

    /** Opens {@code file}; a file that cannot be read leaves an empty document and its problems. */
    public void open(Path file) {
        PipelineJson.Read read = PipelineJson.read(file);
        validation.setLoadProblems(read.problems());
        document.replace(read.spec() == null ? PipelineDocument.empty() : read.spec(),
                file.toAbsolutePath().normalize());
        validation.check(document.spec());
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
            return true;
        } catch (IOException e) {
            validation.setLoadProblems(List.of(Problem.of(ErrorCode.INVALID_FILE, Position.NOWHERE,
                    "cannot save to '%s': %s", target, e.getMessage())));
            validation.check(document.spec());
            return false;
        }
    }

    public void chooseAndOpen(Window owner) {
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
