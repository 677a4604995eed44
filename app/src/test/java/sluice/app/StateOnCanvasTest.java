package sluice.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.LongStream;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A stateful node shows over its box the rows its state keeps, the rows it dropped as late and the watermark, at
 * every step; the metrics chart the late rows per batch.
 */
@ExtendWith(ApplicationExtension.class)
class StateOnCanvasTest {
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
    void aWindowedAggregationShowsItsStateLateRowsAndWatermarkAtEachStep(FxRobot robot, @TempDir Path folder)
            throws IOException {
        Files.createDirectories(folder.resolve("in"));
        // One file per batch, oldest first. As in Spark, a batch drops rows behind the watermark of the batch before
        // it, so the row an hour late comes in the third file.
        String[] files = {"a.csv", "2024-01-01T10:00:00Z,A\n2024-01-01T10:05:00Z,B\n", "b.csv",
            "2024-01-01T10:07:00Z,A\n", "c.csv", "2024-01-01T09:00:00Z,A\n2024-01-01T10:08:00Z,B\n"};
        for (int i = 0; i < files.length; i += 2) {
            Path file = folder.resolve("in").resolve(files[i]);
            Files.writeString(file, files[i + 1]);
            Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000_000L * (i + 1)));
        }
        Path pipeline = folder.resolve("late.sluice.json");
        Files.writeString(pipeline, """
                {"format": "sluice/1", "name": "Late", "nodes": [
                  {"id": "files", "type": "source.file", "x": 40, "y": 80, "options": {"path": "in", "format": "csv",
                   "schema": "ts TIMESTAMP, k STRING", "maxFilesPerTrigger": "1"}},
                  {"id": "late-by-10m", "type": "transform.watermark", "inputs": ["files"], "x": 240, "y": 80,
                   "options": {"eventTime": "ts", "delayThreshold": "10 minutes"}},
                  {"id": "counts", "type": "transform.aggregate", "inputs": ["late-by-10m"], "x": 440, "y": 80,
                   "options": {"groupBy": ["window(ts, '10 minutes')", "k"], "aggregations": ["count(*)"]}},
                  {"id": "table", "type": "sink.table", "inputs": ["counts"], "x": 640, "y": 80,
                   "options": {"outputMode": "update"}}]}
                """);
        WorkbenchFixture.openChecked(robot, workbench, pipeline);
        assertThat(workbench.canvas().stateText("counts")).isEmpty();

        step(robot, 1);

        assertThat(workbench.canvas().stateText("counts")).isEqualTo("state 2 rows\nno watermark yet");
        assertThat(workbench.canvas().stateText("files")).isEmpty();

        for (int batches = 2; batches <= 6 && !workbench.canvas().stateText("counts").contains("late"); batches++) {
            step(robot, batches);
        }

        assertThat(workbench.canvas().stateText("counts"))
                .isEqualTo("state 2 rows · 1 late row dropped\nwatermark 2024-01-01 09:57:00 UTC");
        assertThat(LongStream.range(0, 6).filter(batch -> workbench.metrics().lateRowsAt(batch) == 1).count())
                .isEqualTo(1);
        assertThat(WorkbenchFixture.text(robot, "#metrics-state")).contains("1 dropped as late");
    }

    /** Runs one more batch and waits until its progress reached the metrics. */
    private void step(FxRobot robot, int batches) {
        robot.interact(workbench::step);
        WorkbenchFixture.await(batches + " batches charted", () -> workbench.metrics().pointCount() == batches);
    }
}
