package sluice.app.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.app.WorkbenchFixture.awaitText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javafx.geometry.Point2D;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import sluice.app.Workbench;
import sluice.app.OrderedSampleData;
import sluice.app.WorkbenchFixture;

/** The chart of the stocks example in the real window against the rows of the files and of the inspector. */
@ExtendWith(ApplicationExtension.class)
class ChartsPanelTest {
    private static final double MS_PER_DAY = 86_400_000d;
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
    void eachSymbolsSeriesHoldsTheDateAndCloseOfItsRowsInOrder(FxRobot robot) throws IOException {
        WorkbenchFixture.openChecked(robot, workbench, OrderedSampleData.example("stocks-replay"));
        robot.clickOn("#trigger-choice").clickOn("Available now");

        robot.clickOn("#run-button");
        awaitText(robot, "#run-state", "Finished");
        awaitText(robot, "#batch-id", "Batch: 11");

        Map<String, List<Point2D>> drawn = WorkbenchFixture.onFx(() -> workbench.charts().seriesPoints("close-chart"));
        Map<String, List<Point2D>> rows = closesBySymbol();
        assertThat(drawn.keySet()).containsExactly("AAPL", "AMZN", "GOOGL", "MSFT");
        rows.forEach((symbol, points) -> assertThat(drawn.get(symbol)).as(symbol).containsExactlyElementsOf(points));
        assertThat(WorkbenchFixture.onFx(() -> workbench.charts().drawnPoints("close-chart"))).isPositive();
    }

    @Test
    void theMonthlyWindowsOfEachSymbolAreOneLineInDateOrder(FxRobot robot) {
        WorkbenchFixture.openChecked(robot, workbench, OrderedSampleData.example("stocks-monthly"));

        robot.clickOn("#run-button");
        awaitText(robot, "#run-state", "Finished");

        Map<String, List<Point2D>> drawn = WorkbenchFixture.onFx(() -> workbench.charts().seriesPoints("chart"));
        assertThat(drawn.keySet()).containsExactlyInAnyOrder("AAPL", "AMZN", "GOOGL", "MSFT");
        // Three years of 30-day windows: about 37 per symbol, each drawn once, left to right.
        drawn.forEach((symbol, points) -> {
            assertThat(points).as(symbol).hasSizeBetween(36, 39);
            for (int i = 1; i < points.size(); i++) {
                assertThat(points.get(i).getX()).as("%s point %d", symbol, i).isGreaterThan(points.get(i - 1).getX());
            }
        });
    }

    @Test
    void lastPointOfTheSeriesIsTheLastRowTheInspectorShows(FxRobot robot) {
        WorkbenchFixture.openChecked(robot, workbench, OrderedSampleData.example("stocks-replay"));
        robot.clickOn("#node-close-chart");

        robot.clickOn("#step-button");
        awaitText(robot, "#batch-id", "Batch: 0");
        robot.clickOn("#step-button");
        awaitText(robot, "#batch-id", "Batch: 1");
        awaitText(robot, "#inspector-summary", "batch 1 of 0–1 · 252 rows (showing 252)");

        List<String> last = lastRowCells(robot);
        Map<String, List<Point2D>> drawn = WorkbenchFixture.onFx(() -> workbench.charts().seriesPoints("close-chart"));
        List<Point2D> series = drawn.get(last.get(0));
        assertThat(last.subList(0, 3)).containsExactly("AAPL", "2016-12-30", "193.75");
        assertThat(series).hasSize(252 + 252);
        assertThat(series.get(series.size() - 1)).isEqualTo(new Point2D(
                LocalDate.parse(last.get(1)).toEpochDay() * MS_PER_DAY, Double.parseDouble(last.get(2))));
    }

    /**
     * The values of the inspector's last row, in the order of its visible columns, as text. Read from the table's
     * columns rather than from drawn cells: how many rows are drawn depends on the window's size.
     */
    private static List<String> lastRowCells(FxRobot robot) {
        TableView<?> table = robot.lookup("#inspector-table").queryAs(TableView.class);
        return WorkbenchFixture.onFx(() -> {
            int last = table.getItems().size() - 1;
            return table.getVisibleLeafColumns().stream().map(c -> String.valueOf(c.getCellData(last))).toList();
        });
    }

    /** (date in epoch ms, close) of every row of the stocks folder, by symbol, files in name order. */
    private static Map<String, List<Point2D>> closesBySymbol() throws IOException {
        Map<String, List<Point2D>> bySymbol = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> listed = Files.list(WorkbenchFixture.STOCKS)) {
            files = listed.sorted().toList();
        }
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split(",");
                bySymbol.computeIfAbsent(fields[6], s -> new ArrayList<>()).add(new Point2D(
                        LocalDate.parse(fields[0]).toEpochDay() * MS_PER_DAY, Double.parseDouble(fields[4])));
            }
        }
        return bySymbol;
    }
}
