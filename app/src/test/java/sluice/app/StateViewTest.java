package sluice.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
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
 * The inspector's State view of a windowed aggregation: its groups with their current aggregates after the batch
 * shown, sortable and searchable as the output rows are, stepping back to an earlier batch's state.
 */
@ExtendWith(ApplicationExtension.class)
class StateViewTest {
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
    void theStateViewShowsTheGroupsAndTheirAggregatesAtTheBatchShown(FxRobot robot, @TempDir Path folder)
            throws IOException {
        Files.createDirectories(folder.resolve("in"));
        // One file per batch, oldest first; batch 1 adds to the 10:10 window of A and opens C's.
        String[] files = {"a.csv",
            "2024-01-01T10:00:00Z,A,1.0\n2024-01-01T10:05:00Z,B,2.0\n2024-01-01T10:12:00Z,A,3.0\n",
            "b.csv", "2024-01-01T10:14:00Z,A,5.0\n2024-01-01T10:15:00Z,C,6.0\n"};
        for (int i = 0; i < files.length; i += 2) {
            Path file = folder.resolve("in").resolve(files[i]);
            Files.writeString(file, files[i + 1]);
            Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000_000L * (i + 1)));
        }
        Path pipeline = folder.resolve("windows.sluice.json");
        Files.writeString(pipeline, """
                {"format": "sluice/1", "name": "Windows", "nodes": [
                  {"id": "files", "type": "source.file", "x": 40, "y": 80, "options": {"path": "in", "format": "csv",
                   "schema": "ts TIMESTAMP, k STRING, Close DOUBLE", "maxFilesPerTrigger": "1"}},
                  {"id": "windows", "type": "transform.aggregate", "inputs": ["files"], "x": 240, "y": 80,
                   "options": {"groupBy": ["window(ts, '10 minutes')", "k"],
                               "aggregations": ["count(*) AS n", "avg(Close)"]}},
                  {"id": "table", "type": "sink.table", "inputs": ["windows"], "x": 440, "y": 80,
                   "options": {"outputMode": "update"}}]}
                """);
        WorkbenchFixture.openChecked(robot, workbench, pipeline);
        robot.interact(() -> workbench.selection().selectOnly("windows"));
        stepTo(robot, 0);
        stepTo(robot, 1);

        robot.clickOn("#inspector-state");

        WorkbenchFixture.await("the state is shown", () -> workbench.inspector().showsState()
                && workbench.inspector().summaryText().startsWith("state after batch 1"));
        assertThat(summary()).isEqualTo("state after batch 1 of 0–1 · 4 rows (showing 4)");
        assertThat(columns(robot)).containsExactly("window: STRUCT<start: TIMESTAMP, end: TIMESTAMP>",
                "k: STRING", "n: BIGINT", "avg(Close): DOUBLE");
        assertThat(keysAndAverages()).containsExactlyInAnyOrder(List.of("A", 1.0), List.of("B", 2.0),
                List.of("A", 4.0), List.of("C", 6.0));

        robot.clickOn(header(robot, "k: STRING"));
        WorkbenchFixture.await("sorted by the key", () -> keysAndAverages().get(1).get(0).equals("A"));
        assertThat(keysAndAverages()).extracting(row -> row.get(0)).containsExactly("A", "A", "B", "C");
        robot.clickOn(header(robot, "avg(Close): DOUBLE")).clickOn(header(robot, "avg(Close): DOUBLE"));
        WorkbenchFixture.await("sorted by the average, descending",
                () -> keysAndAverages().get(0).equals(List.of("C", 6.0)));
        assertThat(keysAndAverages()).containsExactly(List.of("C", 6.0), List.of("A", 4.0), List.of("B", 2.0),
                List.of("A", 1.0));

        robot.clickOn("#inspector-filter").write("B");
        WorkbenchFixture.await("the filter keeps B's group", () -> workbench.inspector().shownRows().size() == 1);
        assertThat(keysAndAverages()).containsExactly(List.of("B", 2.0));
        assertThat(summary()).isEqualTo("state after batch 1 of 0–1 · 4 rows (showing 1)");

        robot.interact(() -> workbench.inspector().showBatch(0));
        robot.interact(() -> workbench.inspector().showState(true));
        robot.doubleClickOn("#inspector-filter").eraseText(1);

        WorkbenchFixture.await("the state after batch 0 is shown",
                () -> workbench.inspector().summaryText().startsWith("state after batch 0 of 0–1 · 3 rows"));
        assertThat(keysAndAverages()).containsExactly(List.of("A", 3.0), List.of("B", 2.0), List.of("A", 1.0));

        robot.clickOn("#inspector-output");

        WorkbenchFixture.await("the output rows are shown again",
                () -> workbench.inspector().summaryText().startsWith("batch 0 of 0–1"));
    }

    /** Runs one more batch and waits until the inspector shows it. */
    private void stepTo(FxRobot robot, long batchId) {
        robot.interact(workbench::step);
        WorkbenchFixture.await("batch " + batchId + " is shown", () -> workbench.inspector().shownBatchId() == batchId);
    }

    /** The inspector's column header of {@code text}, not the property sheet's schema line of the same text. */
    /**
     * The header of the column {@code text}, the table scrolled sideways to it first: in a window of 1280 by 800 the
     * last columns of the state lie beyond the inspector's right edge.
     */
    private static javafx.scene.Node header(FxRobot robot, String text) {
        javafx.scene.control.TableView<?> table = robot.lookup("#inspector-table").queryTableView();
        robot.interact(() -> table.getColumns().stream().filter(column -> column.getText().equals(text)).findFirst()
                .ifPresent(column -> scrollToColumn(table, column)));
        return robot.from(table).lookup(".column-header").lookup(text).query();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void scrollToColumn(javafx.scene.control.TableView table, javafx.scene.control.TableColumn column) {
        table.scrollToColumn(column);
    }

    private static List<String> columns(FxRobot robot) {
        return WorkbenchFixture.onFx(() -> robot.lookup("#inspector-table").queryTableView().getColumns().stream()
                .map(column -> column.getText()).toList());
    }

    /** The inspector's summary line, read on the FX thread that paints it. */
    private String summary() {
        return WorkbenchFixture.onFx(() -> workbench.inspector().summaryText());
    }

    /** The key and the average of each row shown, in the order shown. */
    private List<List<Object>> keysAndAverages() {
        return WorkbenchFixture.onFx(() -> workbench.inspector().shownRows().stream()
                .map((Row row) -> List.<Object>of(row.get(1), row.get(3))).toList());
    }
}
