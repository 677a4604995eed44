package sluice.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.app.WorkbenchFixture.awaitText;
import static sluice.app.WorkbenchFixture.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import sluice.app.Workbench;
import sluice.app.OrderedSampleData;
import sluice.app.WorkbenchFixture;
import sluice.engine.runtime.QueryProgress;

/** The status bar of the real window against the progress the engine reported for the same batches. */
@ExtendWith(ApplicationExtension.class)
class StatusBarTest {
    /** Every progress the engine handed to the window, by batch id. */
    private final Map<Long, QueryProgress> reported = new ConcurrentHashMap<>();
    private Workbench workbench;

    @Start
    void start(Stage window) {
        workbench = WorkbenchFixture.open(window);
        workbench.pump().addListener(new FeedListener() {
            @Override
            public void onProgress(QueryProgress progress) {
                reported.put(progress.batchId(), progress);
            }
        });
        workbench.files().open(OrderedSampleData.example("stocks-replay"));
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void statusBarShowsStateBatchIdRowsPerSecondAndDurationOfEachBatch(FxRobot robot) {
        WorkbenchFixture.await("the example is checked", () -> workbench.validation().planProperty().get() != null);
        assertThat(text(robot, "#run-state")).isEqualTo("Ready");
        assertThat(text(robot, "#batch-id")).isEqualTo("Batch: -");

        for (long batch = 0; batch < 3; batch++) {
            robot.clickOn("#step-button");
            awaitText(robot, "#batch-id", "Batch: " + batch);

            assertThat(text(robot, "#run-state")).isEqualTo("Paused");
            assertShows(robot, reported.get(batch));
        }
        robot.clickOn("#run-button");
        assertThat(text(robot, "#run-state")).isEqualTo("Running");
        WorkbenchFixture.await("a batch ran after Run", () -> batchShown(robot) > 2);
        robot.clickOn("#stop-button");
        awaitText(robot, "#run-state", "Stopped");

        assertShows(robot, reported.get(WorkbenchFixture.onFx(() -> batchShown(robot))));
    }

    @Test
    void rowsPerSecondSaysIdleOnceTheSourceHasNoNewData(FxRobot robot, @TempDir Path folder) throws IOException {
        Path input = Files.createDirectory(folder.resolve("in"));
        Files.writeString(input.resolve("a.csv"), "id\n1\n2\n3\n");
        Path pipeline = folder.resolve("once.sluice.json");
        Files.writeString(pipeline, """
                {"format": "sluice/1", "name": "One file", "checkpointLocation": null,
                 "nodes": [
                  {"id": "numbers", "type": "source.file", "x": 40, "y": 60,
                   "options": {"path": "in", "format": "csv", "header": "true", "schema": "id INT"}},
                  {"id": "table", "type": "sink.table", "inputs": ["numbers"], "x": 300, "y": 60,
                   "options": {"outputMode": "append"}}]}
                """);
        WorkbenchFixture.openChecked(robot, workbench, pipeline);

        robot.clickOn("#run-button");
        awaitText(robot, "#batch-id", "Batch: 0");

        awaitText(robot, "#rows-per-second", "idle · 0 rows/s");
        assertThat(text(robot, "#run-state")).isEqualTo("Running");
        robot.clickOn("#stop-button");
    }

    /** The batch id the status bar shows; FX thread. */
    private static long batchShown(FxRobot robot) {
        String text = robot.lookup("#batch-id").queryLabeled().getText();
        return text.equals("Batch: -") ? -1 : Long.parseLong(text.substring("Batch: ".length()));
    }

    private static void assertShows(FxRobot robot, QueryProgress progress) {
        assertThat(progress).isNotNull();
        assertThat(progress.numInputRows()).isPositive();
        String rate = text(robot, "#rows-per-second");
        assertThat(rate).endsWith(" rows/s");
        assertThat(Long.parseLong(rate.substring(0, rate.length() - " rows/s".length()).replace(",", "")))
                .isEqualTo(Math.round(progress.processedRowsPerSecond()));
        assertThat(text(robot, "#batch-duration")).isEqualTo(progress.triggerExecutionMs() + " ms");
    }
}
