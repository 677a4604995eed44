package sluice.app.files;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.control.Menu;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import sluice.app.document.PipelineDocument;
import sluice.app.validation.LiveValidation;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.export.ExportContext;
import sluice.engine.export.ScriptLanguage;
import sluice.engine.pipeline.PipelineJson;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.plan.NodeCatalog;

/**
 * FX thread only. Opening and saving pipeline files; problems reading one go to the problems panel. The menu
 * actions ({@link #newAsked}, {@link #chooseAndOpen}, {@link #openAsked}) first ask about unsaved changes; {@link
 * #open} and {@link #newDocument} do not. Files opened or saved go to the recent files list. Export to Spark
 * writes the script off the FX thread and reports a failure in the problems panel.
 */
public final class FileActions {
    private final PipelineDocument document;
    private final LiveValidation validation;
    private final RecentFiles recent;
    private UnsavedChanges.Prompt prompt;

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

    /** Asks about unsaved changes with {@code asking} from now on (null: the real dialog). */
    public void setPrompt(UnsavedChanges.Prompt asking) {
        prompt = asking;
    }

    /**
     * The document as the title bar and the questions name it: {@code 'mine.sluice.json' (My pipeline)}, or
     * {@code the new pipeline 'Untitled'} before its first save.
     */
    public String documentName() {
        String name = document.spec().name();
        return document.file() == null ? "the new pipeline '" + name + "'"
                : "'" + document.file().getFileName() + "' (" + name + ")";
    }

    /**
     * Where Save As starts: the file's own folder; for a new pipeline or a copy of an example, the folder of the
     * newest recent file outside the program's own tree, else the user's home folder. Never the program's folders,
     * where a first save would land among its sources.
     */
    public Path saveFolder() {
        Path file = document.file();
        if (file != null && !isExample(file) && file.getParent() != null) {
            return file.getParent();
        }
        for (Path recentFile : recent.files()) {
            Path folder = recentFile.getParent();
            if (folder != null && Files.isDirectory(folder) && !isInProgramTree(folder)) {
                return folder;
            }
        }
        return Path.of(System.getProperty("user.home"));
    }

    /** Whether {@code folder} lies in the program's own tree: the working directory, or the repository it is in. */
    static boolean isInProgramTree(Path folder) {
        Path working = Path.of("").toAbsolutePath().normalize();
        Path root = Examples.folder(working).map(examples -> examples.getParent().getParent()).orElse(working);
        return folder.toAbsolutePath().normalize().startsWith(root);
    }

    /** Opens {@code file}; a file that cannot be read leaves an empty document and its problems. */
    public void open(Path file) {
        PipelineJson.Read read = PipelineJson.read(file);
        validation.setLoadProblems(read.problems());
        document.load(read.spec() == null ? PipelineDocument.empty() : read.spec(),
                file.toAbsolutePath().normalize());
        validation.check(document.spec());
        if (read.spec() != null) {
            recent.add(file);
        }
    }

    public void newDocument() {
        validation.setLoadProblems(List.of());
        document.load(PipelineDocument.empty(), null);
        validation.check(document.spec());
    }

    /**
     * Writes the document to {@code target}; a failure becomes a problem, not a crash. Saved into another folder, its
     * relative paths are rewritten to name the same folders from there (which starts a new undo history).
     */
    public boolean saveTo(Path target) {
        Path file = target.toAbsolutePath().normalize();
        PipelineSpec spec = RelativePaths.rebase(document.spec(), folderOf(document.file()), file.getParent(),
                NodeCatalog.standard());
        try {
            Files.writeString(file, PipelineJson.write(spec));
            if (spec.equals(document.spec())) {
                document.markSaved(file);
            } else {
                document.replace(spec, file);
            }
            recent.add(file);
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
        return switch (asking.ask(documentName())) {
            case SAVE -> save(owner);
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    /** File › Quit: asks about unsaved changes first; true when the window may close. */
    public boolean quitAsked(Window owner) {
        return confirmDiscard(owner);
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

    /** Save: a new document, or an example of {@code sample-data}, which stays as shipped, goes to Save As. */
    public boolean save(Window owner) {
        return document.file() == null || isExample(document.file()) ? saveAs(owner) : saveTo(document.file());
    }

    /** Whether {@code file} is one of the examples, seen from the working directory as the Examples menu sees them. */
    public static boolean isExample(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return Examples.folder(Path.of("")).map(folder -> folder.normalize().equals(parent)).orElse(false);
    }

    /** The folder relative paths resolve against: the file's, or the working directory for a new document. */
    private static Path folderOf(Path file) {
        return file == null || file.getParent() == null ? Path.of("").toAbsolutePath() : file.getParent();
    }

    public boolean saveAs(Window owner) {
        FileChooser chooser = chooser("Save pipeline");
        chooser.setInitialDirectory(saveFolder().toFile());
        chooser.setInitialFileName(document.spec().name().replaceAll("[^A-Za-z0-9_-]+", "-") + ".sluice.json");
        java.io.File chosen = chooser.showSaveDialog(owner);
        return chosen != null && saveTo(chosen.toPath());
    }

    /** File › Export to Spark…: asks for the language, then where to save, then writes the script. */
    public void chooseAndExport(Window owner) {
        java.util.Optional<ScriptLanguage> chosen = ExportDialog.ask(owner);
        if (chosen.isEmpty()) {
            return;
        }
        ScriptLanguage language = chosen.get();
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export to Spark");
        chooser.getExtensionFilters().add(language == ScriptLanguage.SCALA
                ? new FileChooser.ExtensionFilter("Scala scripts", "*.scala")
                : new FileChooser.ExtensionFilter("Python scripts", "*.py"));
        chooser.setInitialFileName(ExportContext.scriptName(pipelineFileName(), language));
        if (document.file() != null && document.file().getParent() != null) {
            chooser.setInitialDirectory(document.file().getParent().toFile());
        }
        java.io.File target = chooser.showSaveDialog(owner);
        if (target != null) {
            exportTo(target.toPath(), language);
        }
    }

    /**
     * Writes the document as a {@code language} script to {@code target} in the background; the future completes on
     * the FX thread with the problems (empty when it worked), which are then in the problems panel.
     */
    public CompletableFuture<List<Problem>> exportTo(Path target, ScriptLanguage language) {
        PipelineSpec spec = document.spec();
        Path baseDir = document.file() == null || document.file().getParent() == null
                ? Path.of("").toAbsolutePath() : document.file().getParent();
        String pipelineFile = pipelineFileName();
        CompletableFuture<List<Problem>> done = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            List<Problem> problems;
            try {
                problems = new SparkExport(NodeCatalog.standard()).write(spec, baseDir, pipelineFile, language, target);
            } catch (RuntimeException e) {
                // A bug, not the user's mistake: logged once with its stack trace, one line in the panel.
                System.getLogger(FileActions.class.getName()).log(System.Logger.Level.ERROR, "export failed", e);
                problems = List.of(Problem.of(ErrorCode.INVALID_FILE, Position.NOWHERE,
                        "internal error while exporting to Spark; details in the log"));
            }
            List<Problem> result = problems;
            Platform.runLater(() -> {
                // An invalid pipeline's problems are listed already; only what the export itself found is added.
                List<Problem> fresh = result.stream().filter(p -> !validation.problems().contains(p)).toList();
                if (!fresh.isEmpty()) {
                    validation.setLoadProblems(fresh);
                    validation.check(document.spec());
                }
                done.complete(result);
            });
        }, "sluice-export");
        worker.setDaemon(true);
        worker.start();
        return done;
    }

    private String pipelineFileName() {
        return document.file() != null ? document.file().getFileName().toString()
                : document.spec().name().replaceAll("[^A-Za-z0-9_-]+", "-") + ".sluice.json";
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
