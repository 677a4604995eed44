package sluice.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import sluice.app.document.Selection;
import sluice.app.run.RunState;
import sluice.engine.types.Row;

/** The live views on real runs: inspector, history, filter, copy, charts, metrics and preview. */
@ExtendWith(ApplicationExtension.class)
class LiveViewsTest {
    static final Path LIVE_VIEWS = OrderedSampleData.copyOf(
            Path.of("src", "test", "resources", "pipelines", "live-views.sluice.json"));
    private Workbench workbench;

    @Start
    void start(Stage window) {
        workbench = WorkbenchFixture.open(window);
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    private void open(FxRobot robot, Path pipeline) {
        WorkbenchFixture.openChecked(robot, workbench, pipeline);
    }

    private void stepAndWait(FxRobot robot, String node, long batchId) {
        robot.interact(workbench::step);
        WorkbenchFixture.await("batch " + batchId + " reached " + node, () -> workbench.inspector().latestBatchId(node)
                == batchId);
    }

    private void inspect(FxRobot robot, String node) {
        robot.interact(() -> workbench.selection().selectOnly(node));
    }

    @Test
    void inspectorShowsTheRowsOfOneSteppedBatch(FxRobot robot) {
        open(robot, OrderedSampleData.example("stocks-replay"));
        inspect(robot, "change");

        stepAndWait(robot, "change", 0);

        WorkbenchFixture.await("the table shows batch 0", () -> workbench.inspector().shownBatchId() == 0);
        TableView<?> table = robot.lookup("#inspector-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(252);
        assertThat(table.getColumns()).extracting(c -> c.getText())
                .containsExactly("Name: STRING", "Date: DATE", "Close: DOUBLE", "change: DOUBLE", "change_pct: DOUBLE");
        Row first = (Row) table.getItems().get(0);
        assertThat(first.get(0)).isEqualTo("AAPL");
        assertThat(summary()).isEqualTo("batch 0 · 252 rows (showing 252)");
    }

    @Test
    void historyNavigatesBetweenBatches(FxRobot robot) {
        open(robot, OrderedSampleData.example("stocks-replay"));
        inspect(robot, "change");
        stepAndWait(robot, "change", 0);
        stepAndWait(robot, "change", 1);
        WorkbenchFixture.await("the table follows batch 1", () -> workbench.inspector().shownBatchId() == 1);

        robot.clickOn("#inspector-previous");

        WorkbenchFixture.await("batch 0 is shown", () -> workbench.inspector().shownBatchId() == 0);
        assertThat(summary()).startsWith("batch 0 of 0–1 · ");
        robot.clickOn("#inspector-next");
        WorkbenchFixture.await("batch 1 is shown", () -> workbench.inspector().shownBatchId() == 1);
    }

    @Test
    void filterKeepsRowsContainingTheText(FxRobot robot) {
        open(robot, OrderedSampleData.example("stocks-replay"));
        inspect(robot, "change");
        stepAndWait(robot, "change", 0);

        robot.clickOn("#inspector-filter").write("2015-01-05");

        WorkbenchFixture.await("one row is left", () -> workbench.inspector().shownRows().size() == 1);
        assertThat(workbench.inspector().shownRows().get(0).get(1).toString()).isEqualTo("2015-01-05");
        assertThat(summary()).isEqualTo("batch 0 · 252 rows (showing 1)");
    }

    @Test
    void theFiltersClearButtonShowsEveryRowAgain(FxRobot robot) {
        open(robot, WorkbenchFixture.example("stocks-replay"));
        inspect(robot, "change");
        stepAndWait(robot, "change", 0);
        robot.clickOn("#inspector-filter").write("2015-01-05");
        WorkbenchFixture.await("one row is left", () -> workbench.inspector().shownRows().size() == 1);

        robot.clickOn("#inspector-filter .clear-button");

        WorkbenchFixture.await("every row is back", () -> workbench.inspector().shownRows().size() == 252);
        assertThat(WorkbenchFixture.text(robot, "#inspector-summary")).isEqualTo("batch 0 · 252 rows (showing 252)");
        assertThat(WorkbenchFixture.onFx(() -> robot.lookup("#inspector-filter")
                .queryAs(javafx.scene.control.TextField.class).getText())).isEmpty();
    }

    @Test
    void ctrlCCopiesSelectedRowsAsCsv(FxRobot robot) throws Exception {
        open(robot, OrderedSampleData.example("stocks-replay"));
        inspect(robot, "change");
        stepAndWait(robot, "change", 0);
        TableView<?> table = robot.lookup("#inspector-table").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().selectRange(0, 2));

        robot.clickOn(robot.lookup("#inspector-table .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        robot.interact(() -> table.getSelectionModel().selectRange(0, 2));
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);

        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
        assertThat(copied).isEqualTo("Name,Date,Close,change,change_pct\n"
                + "AAPL,2015-01-02,112.36,2.49,2.27\n"
                + "AAPL,2015-01-05,115.7,2.94,2.61\n");
    }

    @Test
    void chartTableAndMetricsGetPoints(FxRobot robot) {
        open(robot, LIVE_VIEWS);
        robot.interact(() -> selectTab(robot, "Charts"));

        stepAndWait(robot, "chart", 0);
        stepAndWait(robot, "chart", 1);

        WorkbenchFixture.await("the chart drew", () -> workbench.charts().drawnPoints("chart") > 0);
        // maxPoints 300 per series; the first two files are AAPL 2015 and 2016, one series.
        assertThat(workbench.charts().pointCount("chart")).isEqualTo(300);
        WorkbenchFixture.await("metrics got two batches", () -> workbench.metrics().pointCount() == 2);
    }

    @Test
    void chartBehindAnotherTabDrawsOnlyOnceSeen(FxRobot robot) {
        open(robot, LIVE_VIEWS);
        robot.interact(() -> selectTab(robot, "Metrics"));

        stepAndWait(robot, "chart", 0);
        WorkbenchFixture.await("metrics got the batch", () -> workbench.metrics().pointCount() == 1);

        // Off screen the chart keeps the batch's points but draws none of them.
        assertThat(WorkbenchFixture.onFx(() -> workbench.charts().pointCount("chart"))).isPositive();
        assertThat(WorkbenchFixture.onFx(() -> workbench.charts().drawnPoints("chart"))).isZero();
        robot.interact(() -> selectTab(robot, "Charts"));
        WorkbenchFixture.await("the chart drew once seen", () -> workbench.charts().drawnPoints("chart") > 0);
    }

    @Test
    void updateSinkHighlightsRowsChangedSinceThePreviousBatch(FxRobot robot) {
        open(robot, LIVE_VIEWS);
        inspect(robot, "per-symbol");
        stepAndWait(robot, "per-symbol", 0);
        stepAndWait(robot, "per-symbol", 1);
        WorkbenchFixture.await("batch 1 is shown", () -> workbench.inspector().shownBatchId() == 1);

        // The column header, not the property sheet's schema line of the same text.
        javafx.scene.Node header = robot.from(robot.lookup("#inspector-table").queryAs(javafx.scene.Node.class))
                .lookup(".column-header").lookup("close_tens: INT").query();
        robot.clickOn(header).clickOn(header);

        // AAPL closed in the 140s-170s in both years; only the 180s-200s of 2016 (39 days) are new. Without an
        // aggregation above, rows are matched by all their values, so they are new, not changed.
        assertThat(workbench.inspector().changedRowCount()).isEqualTo(39);
        assertThat(((Number) workbench.inspector().shownRows().get(0).get(1)).longValue()).isEqualTo(200);
        WorkbenchFixture.await("the new rows on top are highlighted",
                () -> !robot.lookup("#inspector-table .table-row-cell.new").queryAll().isEmpty());
    }

    @Test
    void previewWritesNoFilesAndShowsEdgeRows(FxRobot robot, @TempDir Path folder) throws IOException {
        Path stocks = WorkbenchFixture.EXAMPLES.resolveSibling("stocks");
        Path pipeline = folder.resolve("to-files.sluice.json");
        Files.writeString(pipeline, """
                {"format": "sluice/1", "name": "To files", "trigger": {"processingTime": "1 second"},
                 "checkpointLocation": "checkpoint",
                 "nodes": [
                  {"id": "stocks", "type": "source.file", "x": 0, "y": 0, "options": {"path": "%s", "format": "csv",
                   "header": "true", "schema": "Date DATE, Open DOUBLE, High DOUBLE, Low DOUBLE, Close DOUBLE, \
                Volume BIGINT, Name STRING"}},
                  {"id": "pick", "type": "transform.select", "inputs": ["stocks"], "x": 200, "y": 0,
                   "options": {"expressions": ["Name", "Close"]}},
                  {"id": "out", "type": "sink.file", "inputs": ["pick"], "x": 400, "y": 0,
                   "options": {"path": "out", "format": "csv", "header": "true", "outputMode": "append"}}]}
                """.formatted(stocks.toString().replace("\\", "\\\\")));
        open(robot, pipeline);
        robot.interact(() -> workbench.selection().selectEdge(new Selection.EdgeRef("stocks", "pick", 0)));

        robot.clickOn("#preview-button");

        WorkbenchFixture.await("the preview finished", () -> workbench.session().state() == RunState.FINISHED);
        WorkbenchFixture.await("the edge shows batch 0", () -> workbench.inspector().shownBatchId() == 0);
        assertThat(workbench.inspector().shownRows()).hasSize(252);
        assertThat(workbench.inspector().latestBatchId("stocks")).isEqualTo(0);
        assertThat(filesUnder(folder)).containsExactly("to-files.sluice.json");
    }

    private static List<String> filesUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString()).sorted().toList();
        }
    }

    private static void selectTab(FxRobot robot, String name) {
        for (TabPane tabs : robot.lookup(".tab-pane").queryAllAs(TabPane.class)) {
            for (Tab tab : tabs.getTabs()) {
                if (tab.getText().equals(name)) {
                    tabs.getSelectionModel().select(tab);
                }
            }
        }
    }

    /** The inspector's summary line, read on the FX thread that paints it. */
    private String summary() {
        return WorkbenchFixture.onFx(() -> workbench.inspector().summaryText());
    }
}
