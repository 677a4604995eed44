package sluice.app;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.app.WorkbenchFixture.onFx;
import static sluice.app.WorkbenchFixture.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
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
 * Malformed input is visible: a CSV or JSON record PERMISSIVE mode keeps as nulls is counted on the source node and in
 * the metrics, and the inspector filters to it, at the source and downstream of it while the rows are the records
 * read, saying the file and line of each (and its raw line when the schema has the corrupt-record column).
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
        WorkbenchFixture.openChecked(robot, workbench, pipeline);
        robot.interact(() -> workbench.selection().selectOnly("files"));

        robot.interact(workbench::step);

        WorkbenchFixture.await("batch 0 is shown", () -> workbench.inspector().shownBatchId() == 0);
        WorkbenchFixture.await("the count is on the node", () -> robot.lookup("#malformed-files").query().isVisible());
        assertThat(text(robot, "#malformed-files")).isEqualTo("1 malformed record");
        assertThat(text(robot, "#metrics-malformed")).isEqualTo("Malformed records: 1 in batch 0, 1 in this run");
        TableView<Row> table = robot.lookup("#inspector-table").queryAs(TableView.class);
        assertThat(onFx(() -> table.getItems().size())).isEqualTo(3);

        robot.clickOn("#inspector-malformed");

        assertThat(onFx(() -> table.getItems().size())).isEqualTo(1);
        Row row = onFx(() -> table.getItems().get(0));
        assertThat(row.get(1)).isEqualTo("two");
        assertThat(row.get(2)).isEqualTo("not a number,two");
        assertThat(malformedAt(robot, 0)).isEqualTo("a.csv line 2");
        assertThat(summary()).isEqualTo("batch 0 · 3 rows (showing 1)");
    }

    @Test
    void withoutTheCorruptRecordColumnTheFilterStillFindsTheMalformedRowsDownstreamAndSaysWhereTheyWere(
            FxRobot robot, @TempDir Path folder) throws IOException {
        Files.createDirectories(folder.resolve("in"));
        Files.writeString(folder.resolve("in/a.csv"), "1,one\nnot a number,two\n3,three\n4,four\n");
        Path pipeline = folder.resolve("plain.sluice.json");
        Files.writeString(pipeline, """
                {"format": "sluice/1", "name": "Plain", "nodes": [
                  {"id": "files", "type": "source.file", "x": 40, "y": 80,
                   "options": {"path": "in", "format": "csv", "schema": "n INT, name STRING"}},
                  {"id": "keep", "type": "transform.filter", "inputs": ["files"], "x": 240, "y": 80,
                   "options": {"condition": "name <> 'three'"}},
                  {"id": "table", "type": "sink.table", "inputs": ["keep"], "x": 440, "y": 80}]}
                """);
        WorkbenchFixture.openChecked(robot, workbench, pipeline);
        robot.interact(() -> workbench.selection().selectOnly("keep"));
        robot.interact(workbench::step);
        WorkbenchFixture.await("batch 0 is shown", () -> workbench.inspector().shownBatchId() == 0);
        TableView<Row> table = robot.lookup("#inspector-table").queryAs(TableView.class);
        assertThat(onFx(() -> table.getItems().size())).isEqualTo(3);

        robot.clickOn("#inspector-malformed");

        assertThat(onFx(() -> table.getItems().size())).isEqualTo(1);
        assertThat(onFx(() -> table.getItems().get(0).get(1))).isEqualTo("two");
        assertThat(malformedAt(robot, 0)).isEqualTo("a.csv line 2");
        assertThat(summary()).isEqualTo("batch 0 · 3 rows (showing 1)");
    }

    @Test
    void afterAnAggregationTheFilterIsGreyedAndSaysWhy(FxRobot robot, @TempDir Path folder) throws IOException {
        Files.createDirectories(folder.resolve("in"));
        Files.writeString(folder.resolve("in/a.json"), "{\"n\": 1}\n{\"n\": \n{\"n\": \"x\"}\n");
        Path pipeline = folder.resolve("grouped.sluice.json");
        Files.writeString(pipeline, """
                {"format": "sluice/1", "name": "Grouped", "nodes": [
                  {"id": "files", "type": "source.file", "x": 40, "y": 80,
                   "options": {"path": "in", "format": "json", "schema": "n INT"}},
                  {"id": "counts", "type": "transform.aggregate", "inputs": ["files"], "x": 240, "y": 80,
                   "options": {"groupBy": ["n"], "aggregations": ["count(*) AS rows"]}},
                  {"id": "table", "type": "sink.table", "inputs": ["counts"], "x": 440, "y": 80,
                   "options": {"outputMode": "complete"}}]}
                """);
        WorkbenchFixture.openChecked(robot, workbench, pipeline);
        robot.interact(() -> workbench.selection().selectOnly("table"));

        robot.interact(workbench::step);

        WorkbenchFixture.await("batch 0 is shown", () -> workbench.inspector().shownBatchId() == 0);
        assertThat(text(robot, "#malformed-files")).isEqualTo("2 malformed records");
        CheckBox filter = robot.lookup("#inspector-malformed").queryAs(CheckBox.class);
        Label holder = robot.lookup("#inspector-malformed-filter").queryAs(Label.class);
        assertThat(onFx(filter::isVisible)).isTrue();
        assertThat(onFx(filter::isDisabled)).isTrue();
        // The tooltip sits on an enabled holder: a disabled control gets no mouse events, so it would never show.
        assertThat(onFx(holder::isDisabled)).isFalse();
        assertThat(onFx(() -> holder.getTooltip().getText())).startsWith("After 'counts' the rows are new ones");
        assertThat(robot.lookup("#inspector-malformed-at").tryQuery()).isEmpty();
    }

    /** The text of the inspector's "malformed at" column (the file and line of a malformed row) in row {@code row}. */
    private static String malformedAt(FxRobot robot, int row) {
        return onFx(() -> robot.lookup("#inspector-malformed-at").queryAll().stream()
                .filter(cell -> cell instanceof TableCell<?, ?> c && c.getIndex() == row)
                .map(cell -> ((TableCell<?, ?>) cell).getText()).findFirst().orElse(null));
    }

    /** The inspector's summary line, read on the FX thread that paints it. */
    private String summary() {
        return WorkbenchFixture.onFx(() -> workbench.inspector().summaryText());
    }
}
