package sluice.app;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.app.WorkbenchFixture.awaitText;
import static sluice.app.WorkbenchFixture.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Trigger and Replay lists of the real window, on the stocks example (12 files, one per batch). The engine runs
 * on a manual clock: under the every-second trigger a batch starts only when the test moves the clock, so pacing is
 * checked by counting batches after a known number of moves, never by timing.
 */
@ExtendWith(ApplicationExtension.class)
class TriggerListTest {
    private final ManualClock clock = new ManualClock();
    private Workbench workbench;

    @Start
    void start(Stage window) {
        workbench = WorkbenchFixture.open(window, clock);
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    private void open(FxRobot robot, Path pipeline) {
        WorkbenchFixture.openChecked(robot, workbench, pipeline);
    }

    private static void choose(FxRobot robot, String list, String choice) {
        if (text(robot, list + " .label").equals(choice)) {
            return;
        }
        robot.clickOn(list).clickOn(choice);
        awaitText(robot, list + " .label", choice);
    }

    /** Moves the clock and waits until the query has read the new time, so it has decided whether a batch is due. */
    private void advance(Duration by) {
        clock.advance(by);
        WorkbenchFixture.await("the query read the clock", clock::readSinceMove);
    }

    private static void stop(FxRobot robot) {
        robot.clickOn("#stop-button");
        awaitText(robot, "#run-state", "Stopped");
    }

    @Test
    void onceRunsOneBatchOfEveryFileAndStops(FxRobot robot) throws IOException {
        open(robot, OrderedSampleData.example("stocks-replay"));
        choose(robot, "#trigger-choice", "Once");

        robot.clickOn("#run-button");

        awaitText(robot, "#run-state", "Finished");
        assertThat(text(robot, "#batch-id")).isEqualTo("Batch: 0");
        // The window keeps the first 2,000 rows of a batch; the summary counts them all.
        awaitText(robot, "#inspector-summary", String.format(Locale.ROOT, "batch 0 · %,d rows (showing 2,000)",
                rowsIn(stockFiles())));
    }

    @Test
    void availableNowRunsOneBatchPerFileAndStops(FxRobot robot) throws IOException {
        open(robot, OrderedSampleData.example("stocks-replay"));
        choose(robot, "#trigger-choice", "Available now");

        robot.clickOn("#run-button");

        awaitText(robot, "#run-state", "Finished");
        List<Path> files = stockFiles();
        assertThat(text(robot, "#batch-id")).isEqualTo("Batch: " + (files.size() - 1));
        awaitText(robot, "#inspector-summary", String.format(Locale.ROOT, "batch %d of 0–%d · %d rows (showing %d)",
                files.size() - 1, files.size() - 1, rowsIn(files.subList(files.size() - 1, files.size())),
                rowsIn(files.subList(files.size() - 1, files.size()))));
    }

    @Test
    void asFastAsPossibleRunsEveryFileAndKeepsWaitingForMore(FxRobot robot, @TempDir Path folder)
            throws IOException {
        Path stocks = Files.createDirectory(folder.resolve("stocks"));
        List<Path> files = stockFiles();
        for (int i = 0; i < files.size(); i++) {
            copy(files.get(i), stocks.resolve(files.get(i).getFileName()), i);
        }
        open(robot, pipelineOver(folder, "stocks"));
        choose(robot, "#trigger-choice", "As fast as possible");

        robot.clickOn("#run-button");
        awaitText(robot, "#batch-id", "Batch: " + (files.size() - 1));
        assertThat(text(robot, "#run-state")).isEqualTo("Running");
        copy(files.get(0), stocks.resolve("ZZZ_2018.csv"), files.size());

        // With nothing new, the query looks at the folder again after 10 ms of its clock.
        WorkbenchFixture.await("the new file is a batch", () -> {
            clock.advance(Duration.ofMillis(10));
            return robot.lookup("#batch-id").queryLabeled().getText().equals("Batch: " + files.size());
        });
        assertThat(text(robot, "#run-state")).isEqualTo("Running");
    }

    @Test
    void everySecondRunsOneBatchPerSecondOfTheClock(FxRobot robot) {
        open(robot, OrderedSampleData.example("stocks-replay"));
        choose(robot, "#trigger-choice", "Available now");
        choose(robot, "#trigger-choice", "Every second");

        robot.clickOn("#run-button");
        awaitText(robot, "#batch-id", "Batch: 0");
        advance(Duration.ofSeconds(1));
        awaitText(robot, "#batch-id", "Batch: 1");
        advance(Duration.ofSeconds(1));
        awaitText(robot, "#batch-id", "Batch: 2");
        advance(Duration.ofMillis(500));
        stop(robot);

        assertThat(text(robot, "#batch-id")).isEqualTo("Batch: 2");
        awaitText(robot, "#inspector-summary", "batch 2 of 0–2 · 251 rows (showing 251)");
    }

    @Test
    void runAfterStepFromStoppedKeepsTheChosenTrigger(FxRobot robot) {
        open(robot, OrderedSampleData.example("stocks-replay"));
        robot.clickOn("#step-button");
        awaitText(robot, "#batch-id", "Batch: 0");
        awaitText(robot, "#run-state", "Paused");

        robot.clickOn("#run-button");
        awaitText(robot, "#run-state", "Running");
        advance(Duration.ofSeconds(1));
        awaitText(robot, "#batch-id", "Batch: 1");
        stop(robot);

        assertThat(text(robot, "#batch-id")).isEqualTo("Batch: 1");
    }

    @ParameterizedTest(name = "{0}: a batch every {1} ms")
    @CsvSource({"0.5x, 2000", "1x, 1000", "2x, 500", "10x, 100"})
    void replaySpeedSetsTheIntervalOfTheEverySecondTrigger(String speed, long intervalMs, FxRobot robot) {
        open(robot, OrderedSampleData.example("stocks-replay"));
        choose(robot, "#replay-speed", speed);

        robot.clickOn("#run-button");
        awaitText(robot, "#batch-id", "Batch: 0");
        advance(Duration.ofMillis(intervalMs / 2));
        advance(Duration.ofMillis(intervalMs / 2));
        awaitText(robot, "#batch-id", "Batch: 1");
        advance(Duration.ofMillis(intervalMs / 2));
        stop(robot);

        assertThat(text(robot, "#batch-id")).isEqualTo("Batch: 1");
    }

    @Test
    void replayListAppliesOnlyToTheEverySecondTrigger(FxRobot robot) {
        open(robot, OrderedSampleData.example("stocks-replay"));
        assertThat(WorkbenchFixture.onFx(() -> robot.lookup("#replay-speed").query().isDisabled())).isFalse();

        for (String other : List.of("As fast as possible", "Once", "Available now")) {
            choose(robot, "#trigger-choice", other);

            assertThat(WorkbenchFixture.onFx(() -> robot.lookup("#replay-speed").query().isDisabled()))
                    .as(other).isTrue();
        }
    }

    @Test
    void theListShowsThePipelinesOwnTrigger(FxRobot robot, @TempDir Path folder) throws IOException {
        open(robot, WorkbenchFixture.example("stocks-replay"));
        assertThat(text(robot, "#trigger-choice .label")).isEqualTo("Every second");

        open(robot, withTrigger(folder, "a.sluice.json", ""));
        assertThat(text(robot, "#trigger-choice .label")).isEqualTo("As fast as possible");

        open(robot, withTrigger(folder, "b.sluice.json", "\"trigger\": {\"processingTime\": \"5 seconds\"},"));
        assertThat(text(robot, "#trigger-choice .label")).isEqualTo("Every 5 seconds");

        open(robot, withTrigger(folder, "c.sluice.json", "\"trigger\": {\"availableNow\": true},"));
        assertThat(text(robot, "#trigger-choice .label")).isEqualTo("Available now");
    }

    @Test
    void choosingATriggerIsAnUndoableEditThatIsSaved(FxRobot robot, @TempDir Path folder) throws IOException {
        Path pipeline = withTrigger(folder, "mine.sluice.json", "");
        open(robot, pipeline);

        choose(robot, "#trigger-choice", "Once");

        assertThat(WorkbenchFixture.onFx(() -> workbench.document().isDirty())).isTrue();
        assertThat(WorkbenchFixture.onFx(() -> workbench.document().spec().trigger()))
                .isEqualTo(new sluice.engine.pipeline.Trigger.Once());
        robot.interact(() -> workbench.document().history().undo());
        assertThat(text(robot, "#trigger-choice .label")).isEqualTo("As fast as possible");
        assertThat(WorkbenchFixture.onFx(() -> workbench.document().isDirty())).isFalse();
        robot.interact(() -> workbench.document().history().redo());
        assertThat(text(robot, "#trigger-choice .label")).isEqualTo("Once");
        robot.interact(() -> workbench.files().saveTo(pipeline));
        assertThat(sluice.engine.pipeline.PipelineJson.read(pipeline).spec().trigger())
                .isEqualTo(new sluice.engine.pipeline.Trigger.Once());
        assertThat(Files.readString(pipeline)).contains("\"once\"");
    }

    @Test
    void theDefaultTriggerIsLeftOutOfTheSavedFile(FxRobot robot, @TempDir Path folder) throws IOException {
        Path pipeline = withTrigger(folder, "once.sluice.json", "\"trigger\": {\"once\": true},");
        open(robot, pipeline);

        choose(robot, "#trigger-choice", "As fast as possible");
        robot.interact(() -> workbench.files().saveTo(pipeline));

        assertThat(Files.readString(pipeline)).doesNotContain("\"trigger\"");
        assertThat(sluice.engine.pipeline.PipelineJson.read(pipeline).spec().trigger())
                .isEqualTo(sluice.engine.pipeline.Trigger.DEFAULT);
    }

    /** A file source of the stocks folder into a table, with {@code trigger} (a JSON member and comma, or ""). */
    private static Path withTrigger(Path folder, String name, String trigger) throws IOException {
        Path pipeline = folder.resolve(name);
        Files.writeString(pipeline, """
                {"format": "sluice/1", "name": "Triggered", %s "checkpointLocation": null,
                 "nodes": [
                  {"id": "stocks", "type": "source.file", "x": 40, "y": 60, "options": {"path": "%s",
                   "format": "csv", "header": "true", "schema": "%s", "maxFilesPerTrigger": "1"}},
                  {"id": "table", "type": "sink.table", "inputs": ["stocks"], "x": 300, "y": 60,
                   "options": {"outputMode": "append"}}]}
                """.formatted(trigger, WorkbenchFixture.STOCKS.toString().replace("\\", "\\\\"),
                WorkbenchFixture.STOCKS_SCHEMA));
        return pipeline;
    }

    private static List<Path> stockFiles() throws IOException {
        try (Stream<Path> files = Files.list(WorkbenchFixture.STOCKS)) {
            return files.sorted().toList();
        }
    }

    /** Rows of CSV files with a header line. */
    private static long rowsIn(List<Path> files) throws IOException {
        long rows = 0;
        for (Path file : files) {
            rows += Files.readAllLines(file).size() - 1;
        }
        return rows;
    }

    /** Copies {@code from}, modified {@code order} minutes into 2026, so the file source takes copies in order. */
    private static void copy(Path from, Path to, int order) throws IOException {
        Files.copy(from, to);
        Files.setLastModifiedTime(to, FileTime.from(java.time.Instant.parse("2026-01-01T00:00:00Z")
                .plus(Duration.ofMinutes(order))));
    }

    /** The stocks example's source, one file per batch, into a table, with relative path {@code stocks}. */
    private static Path pipelineOver(Path folder, String stocks) throws IOException {
        Path pipeline = folder.resolve("replay.sluice.json");
        Files.writeString(pipeline, """
                {"format": "sluice/1", "name": "Replay", "trigger": {"processingTime": "1 second"},
                 "checkpointLocation": null,
                 "nodes": [
                  {"id": "stocks", "type": "source.file", "x": 40, "y": 60, "options": {"path": "%s",
                   "format": "csv", "header": "true", "schema": "%s", "maxFilesPerTrigger": "1"}},
                  {"id": "table", "type": "sink.table", "inputs": ["stocks"], "x": 300, "y": 60,
                   "options": {"outputMode": "append"}}]}
                """.formatted(stocks, WorkbenchFixture.STOCKS_SCHEMA));
        return pipeline;
    }
}
