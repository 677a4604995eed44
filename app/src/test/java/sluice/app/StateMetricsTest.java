package sluice.app;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.app.WorkbenchFixture.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The metrics show each stateful node's state after the last batch: the rows it keeps and the rows it wrote. */
@ExtendWith(ApplicationExtension.class)
class StateMetricsTest {
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
    void theMetricsShowTheStateOfAnAggregationAfterEachBatch(FxRobot robot, @TempDir Path folder)
            throws IOException {
        Files.createDirectories(folder.resolve("in"));
        Files.writeString(folder.resolve("in/a.csv"), "A,1\nB,2\nA,3\n");
        Path pipeline = folder.resolve("counts.sluice.json");
        Files.writeString(pipeline, """
                {"format": "sluice/1", "name": "Counts", "nodes": [
                  {"id": "files", "type": "source.file", "x": 40, "y": 80, "options": {"path": "in", "format": "csv",
                   "schema": "k STRING, n INT"}},
                  {"id": "counts", "type": "transform.aggregate", "inputs": ["files"], "x": 200, "y": 80,
                   "options": {"groupBy": ["k"], "aggregations": ["count(*)"]}},
                  {"id": "table", "type": "sink.table", "inputs": ["counts"], "x": 360, "y": 80,
                   "options": {"outputMode": "complete"}}]}
                """);
        WorkbenchFixture.openChecked(robot, workbench, pipeline);
        assertThat(text(robot, "#metrics-state")).isEqualTo("State: none");

        robot.interact(workbench::step);

        WorkbenchFixture.await("the state is shown", () -> text(robot, "#metrics-state").contains("counts"));
        assertThat(text(robot, "#metrics-state")).startsWith("State: counts 2 rows (2 updated, 0 removed, ~");
    }
}
