package sluice.app;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.app.WorkbenchFixture.onFx;
import static sluice.app.WorkbenchFixture.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import sluice.engine.types.Row;

/**
 * Malformed input is visible: a CSV record PERMISSIVE mode keeps as nulls is counted on the source node and in the
 * metrics, and the inspector filters to it, with its raw line in the corrupt-record column.
 */
@ExtendWith(ApplicationExtension.class)
class MalformedRecordsTest {
    private Workbench workbench;

    @Start
    void start(Stage window) {
        workbench = WorkbenchFixture.open(window);
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void aMalformedRecordIsCountedOnItsSourceAndInTheMetricsAndTheInspectorFiltersToIt(FxRobot robot,
            @TempDir Path folder) throws IOException {
        Files.createDirectories(folder.resolve("in"));
        Files.writeString(folder.resolve("in/a.csv"), "1,one\nnot a number,two\n3,three\n");
        Path pipeline = folder.resolve("malformed.sluice.json");
        Files.writeString(pipeline, """
                {"format": "sluice/1", "name": "Malformed", "nodes": [
                  {"id": "files", "type": "source.file", "x": 40, "y": 80, "options": {"path": "in", "format": "csv",
                   "schema": "n INT, name STRING, _corrupt_record STRING"}},
                  {"id": "table", "type": "sink.table", "inputs": ["files"], "x": 300, "y": 80}]}
                """);
        robot.interact(() -> workbench.files().open(pipeline));
        WorkbenchFixture.await("the pipeline is checked", () -> workbench.validation().planProperty().get() != null);
        robot.interact(() -> workbench.selection().selectOnly("files"));

        robot.interact(workbench::step);

        WorkbenchFixture.await("batch 0 is shown", () -> workbench.inspector().shownBatchId() == 0);
        WorkbenchFixture.await("the count is on the node", () -> robot.lookup("#malformed-files").query().isVisible());
        assertThat(text(robot, "#malformed-files")).isEqualTo("1 malformed record");
        assertThat(text(robot, "#metrics-malformed")).isEqualTo("Malformed records: 1 in batch 0, 1 in this run");
        TableView<?> table = robot.lookup("#inspector-table").queryAs(TableView.class);
        assertThat(onFx(() -> table.getItems().size())).isEqualTo(3);

        robot.clickOn("#inspector-malformed");

        assertThat(onFx(() -> table.getItems().size())).isEqualTo(1);
        Row row = (Row) onFx(() -> table.getItems().get(0));
        assertThat(row.get(1)).isEqualTo("two");
        assertThat(row.get(2)).isEqualTo("not a number,two");
        assertThat(workbench.inspector().summaryText()).isEqualTo("batch 0 · 3 rows (showing 1)");
    }

    @Test
    void withoutTheCorruptRecordColumnTheCountShowsAndTheFilterSaysHowToGetIt(FxRobot robot, @TempDir Path folder)
            throws IOException {
        Files.createDirectories(folder.resolve("in"));
        Files.writeString(folder.resolve("in/a.json"), "{\"n\": 1}\n{\"n\": \n{\"n\": \"x\"}\n");
        Path pipeline = folder.resolve("plain.sluice.json");
        Files.writeString(pipeline, """
                {"format": "sluice/1", "name": "Plain", "nodes": [
                  {"id": "files", "type": "source.file", "x": 40, "y": 80,
                   "options": {"path": "in", "format": "json", "schema": "n INT"}},
                  {"id": "table", "type": "sink.table", "inputs": ["files"], "x": 300, "y": 80}]}
                """);
        robot.interact(() -> workbench.files().open(pipeline));
        WorkbenchFixture.await("the pipeline is checked", () -> workbench.validation().planProperty().get() != null);
        robot.interact(() -> workbench.selection().selectOnly("files"));

        robot.interact(workbench::step);

        WorkbenchFixture.await("batch 0 is shown", () -> workbench.inspector().shownBatchId() == 0);
        WorkbenchFixture.await("the count is on the node", () -> robot.lookup("#malformed-files").query().isVisible());
        assertThat(text(robot, "#malformed-files")).isEqualTo("2 malformed records");
        javafx.scene.control.CheckBox filter = robot.lookup("#inspector-malformed").queryAs(
                javafx.scene.control.CheckBox.class);
        assertThat(onFx(filter::isVisible)).isTrue();
        assertThat(onFx(filter::isDisabled)).isTrue();
        assertThat(onFx(() -> filter.getTooltip().getText())).startsWith("Add a STRING column named as "
                + "columnNameOfCorruptRecord");
    }
}
