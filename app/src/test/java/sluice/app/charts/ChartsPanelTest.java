package sluice.app.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.app.WorkbenchFixture.awaitText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javafx.geometry.Point2D;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
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
        robot.interact(() -> workbench.files().open(OrderedSampleData.example("stocks-replay")));
        WorkbenchFixture.await("the example is checked", () -> workbench.validation().planProperty().get() != null);
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
    void lastPointOfTheSeriesIsTheLastRowTheInspectorShows(FxRobot robot) {
        robot.interact(() -> workbench.files().open(OrderedSampleData.example("stocks-replay")));
        WorkbenchFixture.await("the example is checked", () -> workbench.validation().planProperty().get() != null);
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

    /** The texts of the cells of the inspector's last row, scrolled into view, in column order. */
    private static List<String> lastRowCells(FxRobot robot) {
        TableView<?> table = robot.lookup("#inspector-table").queryAs(TableView.class);
        int last = WorkbenchFixture.onFx(() -> table.getItems().size() - 1);
        robot.interact(() -> table.scrollTo(last));
        return WorkbenchFixture.onFx(() -> {
            for (var node : table.lookupAll(".table-row-cell")) {
                if (node instanceof TableRow<?> row && row.getIndex() == last) {
                    List<TableCell<?, ?>> cells = new ArrayList<>();
                    row.getChildrenUnmodifiable().forEach(c -> cells.add((TableCell<?, ?>) c));
                    cells.sort(Comparator.comparingInt(c -> table.getVisibleLeafColumns().indexOf(c.getTableColumn())));
                    return cells.stream().map(TableCell::getText).toList();
                }
            }
            throw new AssertionError("row " + last + " is not shown");
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
