package sluice.app.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import sluice.app.WorkbenchFixture;
import sluice.app.document.PipelineDocument;
import sluice.app.properties.RenamePipeline;
import sluice.app.validation.LiveValidation;
import sluice.engine.diag.Problem;
import sluice.engine.export.ScriptLanguage;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.pipeline.PipelineJson;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.plan.NodeCatalog;

/** Save and open, the recent list, and what the unsaved-changes question decides (asked by a fake). */
@ExtendWith(ApplicationExtension.class)
class FileActionsTest {
    private final Preferences node = Preferences.userRoot().node("sluice-test/" + UUID.randomUUID());
    private final PipelineDocument document = new PipelineDocument();
    private final LiveValidation validation = new LiveValidation(NodeCatalog.standard(), () -> Path.of(""));
    private final List<String> asked = new ArrayList<>();
    private UnsavedChanges.Choice answer = UnsavedChanges.Choice.CANCEL;
    private final FileActions files = new FileActions(document, validation, new RecentFiles(node), name -> {
        asked.add(name);
        return answer;
    });

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @AfterEach
    void close() throws BackingStoreException {
        validation.close();
        node.removeNode();
    }

    @Test
    void savedFileOpensToTheSameSpecWithNodePositions(@TempDir Path folder) {
        Path example = WorkbenchFixture.example("stocks-replay");
        files.open(example);
        PipelineSpec original = document.spec();
        Path copy = folder.resolve("copy.sluice.json");

        assertThat(files.saveTo(copy)).isTrue();
        files.newDocument();
        files.open(copy);

        // Only the relative paths differ, and they name the same folders from the copy's folder.
        assertThat(RelativePaths.rebase(document.spec(), folder, example.getParent(), NodeCatalog.standard()))
                .isEqualTo(original);
        assertThat(document.spec().node("change").orElseThrow().x()).isEqualTo(300);
        assertThat(document.isDirty()).isFalse();
    }

    @Test
    void saveAsIntoAnotherFolderKeepsRelativePathsPointingAtTheSameData(@TempDir Path folder) throws Exception {
        Path example = WorkbenchFixture.example("stocks-replay");
        files.open(example);
        Path stocks = example.getParent().resolve("../stocks").normalize();
        Path copy = Files.createDirectories(folder.resolve("mine")).resolve("stocks.sluice.json");

        assertThat(files.saveTo(copy)).isTrue();

        String path = ((OptionValue.Text) document.spec().node("stocks").orElseThrow().option("path").orElseThrow())
                .value();
        assertThat(Path.of(path).isAbsolute()).isFalse();
        assertThat(copy.getParent().resolve(path).normalize()).isEqualTo(stocks);
        assertThat(document.file()).isEqualTo(copy.toAbsolutePath().normalize());
        assertThat(document.isDirty()).isFalse();
        assertThat(PipelineJson.read(copy).spec()).isEqualTo(document.spec());
    }

    @Test
    void theShippedExamplesAreNotSavedOverButACopyIs(@TempDir Path folder) {
        Path example = WorkbenchFixture.example("stocks-replay");
        Path copy = folder.resolve("copy.sluice.json");
        files.open(example);
        files.saveTo(copy);

        assertThat(FileActions.isExample(example)).isTrue();
        assertThat(FileActions.isExample(copy)).isFalse();
    }

    @Test
    void openedAndSavedFilesGoToTheRecentList(@TempDir Path folder) {
        files.open(WorkbenchFixture.example("rate-plus-one"));
        files.saveTo(folder.resolve("mine.sluice.json"));

        assertThat(files.recent().files()).containsExactly(folder.resolve("mine.sluice.json").toAbsolutePath(),
                WorkbenchFixture.example("rate-plus-one"));
    }

    @Test
    void aFileThatCannotBeReadIsNotRemembered(@TempDir Path folder) {
        files.open(folder.resolve("missing.sluice.json"));

        assertThat(files.recent().files()).isEmpty();
    }

    @Test
    void aBrokenFileBecomesAProblemNotACrash(@TempDir Path folder) throws Exception {
        Path broken = folder.resolve("broken.sluice.json");
        Files.writeString(broken, "{ \"format\": \"sluice/1\", \"nodes\": [ ");

        files.open(broken);

        WorkbenchFixture.await("the problem is listed", () -> !validation.problems().isEmpty());
        assertThat(validation.problems().get(0).message()).doesNotContain("Exception");
        assertThat(document.spec().nodes()).isEmpty();
    }

    @Test
    void cleanDocumentIsDroppedWithoutAsking() {
        files.open(WorkbenchFixture.example("rate-plus-one"));

        assertThat(files.confirmDiscard(null)).isTrue();
        assertThat(asked).isEmpty();
    }

    @Test
    void cancelKeepsTheUnsavedDocument() {
        files.open(WorkbenchFixture.example("rate-plus-one"));
        document.apply(new RenamePipeline("Changed"));
        answer = UnsavedChanges.Choice.CANCEL;

        files.newAsked(null);

        assertThat(asked).containsExactly("'rate-plus-one.sluice.json' (Changed)");
        assertThat(document.spec().name()).isEqualTo("Changed");
    }

    @Test
    void aNewPipelineIsNamedAsNew() {
        files.newDocument();
        document.apply(new RenamePipeline("Mine"));
        answer = UnsavedChanges.Choice.CANCEL;

        files.quitAsked(null);

        assertThat(asked).containsExactly("the new pipeline 'Mine'");
        assertThat(files.documentName()).isEqualTo("the new pipeline 'Mine'");
    }

    @Test
    void theFirstSaveOfANewPipelineStartsInTheHomeFolder() {
        files.newDocument();

        assertThat(files.saveFolder()).isEqualTo(Path.of(System.getProperty("user.home")));
    }

    @Test
    void theFirstSaveStartsInTheLastFolderUsedButNeverAmongTheExamples(@TempDir Path folder) {
        files.open(WorkbenchFixture.example("rate-plus-one"));
        files.saveTo(folder.resolve("mine.sluice.json"));
        files.newDocument();
        assertThat(files.saveFolder()).isEqualTo(folder.toAbsolutePath());

        files.open(WorkbenchFixture.example("json-messages"));

        assertThat(files.recent().files().get(0)).isEqualTo(WorkbenchFixture.example("json-messages"));
        assertThat(files.saveFolder()).isEqualTo(folder.toAbsolutePath());
        files.newDocument();
        assertThat(files.saveFolder()).isEqualTo(folder.toAbsolutePath());
    }

    @Test
    void dontSaveDropsTheChanges() {
        files.open(WorkbenchFixture.example("rate-plus-one"));
        document.apply(new RenamePipeline("Changed"));
        answer = UnsavedChanges.Choice.DISCARD;

        files.newAsked(null);

        assertThat(document.spec().name()).isEqualTo("Untitled");
    }

    @Test
    void saveWritesTheFileBeforeGoingOn(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("p.sluice.json");
        Files.copy(WorkbenchFixture.example("rate-plus-one"), file);
        files.open(file);
        document.apply(new RenamePipeline("Changed"));
        answer = UnsavedChanges.Choice.SAVE;

        assertThat(files.confirmDiscard(null)).isTrue();

        assertThat(Files.readString(file)).contains("\"Changed\"");
        assertThat(document.isDirty()).isFalse();
    }

    @Test
    void exportToSparkWritesTheScriptInTheBackground(@TempDir Path folder) throws Exception {
        files.open(WorkbenchFixture.example("rate-plus-one"));
        Path target = folder.resolve("plus.scala");

        List<Problem> problems = files.exportTo(target, ScriptLanguage.SCALA).get(30, TimeUnit.SECONDS);

        assertThat(problems).isEmpty();
        assertThat(Files.readString(target)).contains("val plus_one = rate").contains("spark-shell -i plus.scala");
    }

    @Test
    void aFailedExportIsListedInTheProblemsPanel(@TempDir Path folder) throws Exception {
        files.open(WorkbenchFixture.example("rate-plus-one"));
        Path target = folder.resolve("no-such-folder").resolve("plus.py");

        files.exportTo(target, ScriptLanguage.PYSPARK).get(30, TimeUnit.SECONDS);

        WorkbenchFixture.await("the export problem is listed", () -> validation.problems().stream()
                .anyMatch(p -> p.message().startsWith("cannot export to '" + target + "'")));
    }
}
