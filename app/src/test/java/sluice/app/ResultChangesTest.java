package sluice.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The inspector marks which rows of an update or complete sink's result table a batch made new, changed or removed,
 * by the aggregation's grouping columns, at every step and on a batch stepped back to.
 */
@ExtendWith(ApplicationExtension.class)
class ResultChangesTest {
    private Workbench workbench;
    private Path pipeline;

    @Start
    void start(Stage window) {
        workbench = WorkbenchFixture.open(window);
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @BeforeEach
    void open(@TempDir Path folder) throws IOException {
        Files.createDirectories(folder.resolve("in"));
        // One file per batch, in this order: A changes in batch 1 and C is new; D is new in batch 2.
        String[] files = {"a.csv", "A,1\nB,2\n", "b.csv", "A,3\nC,1\n", "c.csv", "D,1\n"};
        for (int i = 0; i < files.length; i += 2) {
            Path file = folder.resolve("in").resolve(files[i]);
            Files.writeString(file, files[i + 1]);
            Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000_000L * (i + 1)));
        }
        pipeline = folder.resolve("totals.sluice.json");
        Files.writeString(pipeline, """
                {"format": "sluice/1", "name": "Totals", "nodes": [
                  {"id": "files", "type": "source.file", "x": 40, "y": 80, "options": {"path": "in", "format": "csv",
                   "schema": "k STRING, n INT", "maxFilesPerTrigger": "1"}},
                  {"id": "totals", "type": "transform.aggregate", "inputs": ["files"], "x": 240, "y": 40,
                   "options": {"groupBy": ["k"], "aggregations": ["sum(n) AS total"]}},
                  {"id": "all", "type": "sink.table", "inputs": ["totals"], "x": 440, "y": 40,
                   "options": {"outputMode": "complete"}},
                  {"id": "small", "type": "transform.filter", "inputs": ["totals"], "x": 440, "y": 160,
                   "options": {"condition": "total < 3"}},
                  {"id": "small-table", "type": "sink.table", "inputs": ["small"], "x": 640, "y": 160,
                   "options": {"outputMode": "complete"}},
                  {"id": "totals-2", "type": "transform.aggregate", "inputs": ["files"], "x": 240, "y": 280,
                   "options": {"groupBy": ["k"], "aggregations": ["sum(n) AS total"]}},
                  {"id": "updates", "type": "sink.table", "inputs": ["totals-2"], "x": 440, "y": 280,
                   "options": {"outputMode": "update"}}]}
                """);
    }

    private void inspect(FxRobot robot, String node) {
        WorkbenchFixture.openChecked(robot, workbench, pipeline);
        robot.interact(() -> workbench.selection().selectOnly(node));
    }

    private void stepTo(FxRobot robot, long batchId) {
        robot.interact(workbench::step);
        WorkbenchFixture.await("batch " + batchId + " is shown", () -> workbench.inspector().shownBatchId() == batchId);
    }

    @Test
    void aCompleteSinkMarksNewAndChangedGroups(FxRobot robot) {
        inspect(robot, "all");
        stepTo(robot, 0);
        assertThat(workbench.inspector().changedRowCount()).isZero();

        stepTo(robot, 1);

        assertThat(summary()).endsWith("· 1 new, 1 changed, 0 removed");
        assertThat(WorkbenchFixture.text(robot, "#inspector-table .table-row-cell.new .table-cell")).isEqualTo("new");
        assertThat(robot.lookup("#inspector-table .table-row-cell.changed").queryAll()).hasSize(1);
    }

    @Test
    void aCompleteSinkShowsTheGroupsItNoLongerHasAsRemoved(FxRobot robot) {
        inspect(robot, "small-table");
        stepTo(robot, 0);

        stepTo(robot, 1);

        // A's total went to 4: the filter no longer lets it through; C is new.
        assertThat(summary()).endsWith("· 1 new, 0 changed, 1 removed");
        assertThat(workbench.inspector().removedRowCount()).isEqualTo(1);
        assertThat(workbench.inspector().shownRows()).hasSize(3);
        WorkbenchFixture.await("the removed row is struck through",
                () -> robot.lookup("#inspector-table .table-row-cell.removed").queryAll().size() == 1);
    }

    @Test
    void anUpdateSinkMarksGroupsSeenBeforeAsChangedAlsoWhenSteppedBack(FxRobot robot) {
        inspect(robot, "updates");
        stepTo(robot, 0);
        stepTo(robot, 1);
        assertThat(summary()).endsWith("· 1 new, 1 changed, 0 removed");
        stepTo(robot, 2);
        assertThat(summary()).endsWith("· 1 new, 0 changed, 0 removed");

        robot.interact(() -> workbench.inspector().showBatch(1));

        assertThat(workbench.inspector().shownBatchId()).isEqualTo(1);
        assertThat(summary()).endsWith("· 1 new, 1 changed, 0 removed");
    }

    /** The inspector's summary line, read on the FX thread that paints it. */
    private String summary() {
        return WorkbenchFixture.onFx(() -> workbench.inspector().summaryText());
    }
}
