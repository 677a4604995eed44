package sluice.app;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.app.WorkbenchFixture.onFx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** In the workbench's own problems panel, each problem's cell is tall enough for its wrapped message. */
@ExtendWith(ApplicationExtension.class)
class ProblemsLayoutTest {
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
    void cellsOfWrappedMessagesDoNotPaintOverEachOther(FxRobot robot, @TempDir Path folder) throws IOException {
        Path pipeline = folder.resolve("broken.sluice.json");
        Files.writeString(pipeline, """
                {"format": "sluice/1", "name": "Broken", "nodes": [
                  {"id": "rate", "type": "source.rate", "x": 40, "y": 60},
                  {"id": "per-2s", "type": "transform.aggregate", "inputs": ["rate"], "x": 300, "y": 60,
                   "options": {"groupBy": ["window(timestamp, '2 seconds')"], "aggregations": ["avg(vale)"]}},
                  {"id": "per-6s", "type": "transform.aggregate", "inputs": ["per-2s"], "x": 300, "y": 200,
                   "options": {"groupBy": ["window(window_time(window), '6 seconds')"],
                               "aggregations": ["sum(nn) AS n"]}},
                  {"id": "table", "type": "sink.table", "inputs": ["per-6s"], "x": 540, "y": 200}]}
                """);
        WorkbenchFixture.openChecked(robot, workbench, pipeline);
        ListView<?> list = robot.lookup("#problems-list").queryAs(ListView.class);
        WorkbenchFixture.await("two problems listed", () -> onFx(() -> list.getItems().size()) == 2);

        onFx(() -> {
            List<ListCell<?>> cells = list.lookupAll(".problem-cell").stream().<ListCell<?>>map(node -> (ListCell<?>) node)
                    .filter(cell -> cell.getItem() != null && cell.isVisible())
                    .sorted(Comparator.comparingInt(IndexedCell::getIndex)).toList();
            assertThat(cells).hasSize(2);
            for (ListCell<?> cell : cells) {
                Label message = (Label) cell.lookup(".problem-message");
                assertThat(message.getHeight()).isGreaterThanOrEqualTo(message.prefHeight(message.getWidth()) - 0.5);
                Bounds inCell = cell.sceneToLocal(message.localToScene(message.getLayoutBounds()));
                assertThat(inCell.getMaxY()).isLessThanOrEqualTo(cell.getHeight() + 0.5);
            }
            assertThat(cells.get(0).getBoundsInParent().getMaxY())
                    .isLessThanOrEqualTo(cells.get(1).getBoundsInParent().getMinY() + 0.5);
            return null;
        });
    }
}
