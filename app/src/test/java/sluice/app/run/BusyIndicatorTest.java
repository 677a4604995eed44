package sluice.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static sluice.app.WorkbenchFixture.onFx;
import static sluice.app.WorkbenchFixture.text;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import sluice.engine.runtime.QueryProgress;
import sluice.engine.runtime.QueryStatus;

/**
 * The status bar while a batch runs long and while nothing flows, with the run's activity and the time in the test's
 * hands (a fake activity and a fake monotonic clock): what a person sees at each moment.
 */
@ExtendWith(ApplicationExtension.class)
class BusyIndicatorTest {
    private final AtomicReference<RunActivity> activity = new AtomicReference<>(RunActivity.NONE);
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private StatusBar status;

    @Start
    void start(Stage stage) {
        status = new StatusBar(new SimpleObjectProperty<>(RunState.RUNNING), activity::get, nanos::get);
        stage.setScene(new Scene(new StackPane(status.view()), 900, 40));
        stage.sizeToScene();
        stage.show();
    }

    /** One pulse of the feed pump, {@code millis} after the previous one. */
    private void pulse(FxRobot robot, long millis) {
        nanos.addAndGet(millis * 1_000_000L);
        robot.interact(status::onPulseEnd);
    }

    private static org.controlsfx.control.StatusBar bar(FxRobot robot) {
        return robot.lookup("#status-bar").queryAs(org.controlsfx.control.StatusBar.class);
    }

    private static boolean busyBarShown(FxRobot robot) {
        return onFx(() -> robot.lookup("#status-bar .progress-bar").query().isVisible());
    }

    @Test
    void aBatchRunningLongerThan300MillisecondsShowsItsIdAndElapsedTimeBesideABusyBar(FxRobot robot) {
        activity.set(new RunActivity(RunActivity.Phase.PROCESSING, 7));
        pulse(robot, 0);
        pulse(robot, 250);

        assertThat(text(robot, "#status-bar .status-label")).isEmpty();
        assertThat(busyBarShown(robot)).isFalse();

        pulse(robot, 1_000);

        assertThat(text(robot, "#status-bar .status-label")).isEqualTo("Running batch 7 · 1.3 s");
        assertThat(busyBarShown(robot)).isTrue();
        assertThat(onFx(() -> bar(robot).getProgress())).isEqualTo(-1);

        activity.set(new RunActivity(RunActivity.Phase.PROCESSING, 8));
        pulse(robot, 100);

        assertThat(text(robot, "#status-bar .status-label")).isEmpty();

        activity.set(RunActivity.NONE);
        pulse(robot, 500);

        assertThat(text(robot, "#status-bar .status-label")).isEmpty();
        assertThat(busyBarShown(robot)).isFalse();
    }

    @Test
    void aTriggerWaitingForASourceSaysWhichSourceAndForHowLong(FxRobot robot) {
        activity.set(RunActivity.of(new QueryStatus("Getting offsets from echo", false, true), 3, List.of()));
        pulse(robot, 0);
        pulse(robot, 100);

        assertThat(text(robot, "#status-bar .status-label")).isEmpty();

        pulse(robot, 12_000);

        assertThat(text(robot, "#status-bar .status-label")).isEqualTo("Asking 'echo' for new data · 12.1 s");
        assertThat(busyBarShown(robot)).isTrue();

        activity.set(new RunActivity(RunActivity.Phase.PROCESSING, 4));
        pulse(robot, 100);

        assertThat(text(robot, "#status-bar .status-label")).isEmpty();
    }

    @Test
    void aLongBatchOfAFileSourceShowsItsFilesAndBytes(FxRobot robot) {
        activity.set(new RunActivity(RunActivity.Phase.PROCESSING, 7, 3, 1_572_864));
        pulse(robot, 0);

        pulse(robot, 400);

        assertThat(text(robot, "#status-bar .status-label")).isEqualTo("Running batch 7 · 0.4 s · 3 files, 1.5 MB");

        activity.set(new RunActivity(RunActivity.Phase.PROCESSING, 8, 1, 980));
        pulse(robot, 0);
        pulse(robot, 500);

        assertThat(text(robot, "#status-bar .status-label")).isEqualTo("Running batch 8 · 0.5 s · 1 file, 980 B");
    }

    @Test
    void rowsPerSecondSaysIdleOnceATriggerFindsNoDataUntilTheNextBatch(FxRobot robot) {
        robot.interact(() -> status.onProgress(progress(3, 1234.4)));
        assertThat(text(robot, "#rows-per-second")).isEqualTo("1,234 rows/s");

        activity.set(new RunActivity(RunActivity.Phase.NO_DATA, 3));
        pulse(robot, 16);

        assertThat(text(robot, "#rows-per-second")).isEqualTo("idle · 0 rows/s");
        assertThat(text(robot, "#batch-id")).isEqualTo("Batch: 3");

        activity.set(RunActivity.NONE);
        pulse(robot, 16);

        assertThat(text(robot, "#rows-per-second")).isEqualTo("idle · 0 rows/s");

        robot.interact(() -> status.onProgress(progress(4, 99)));

        assertThat(text(robot, "#rows-per-second")).isEqualTo("99 rows/s");
    }

    private static QueryProgress progress(long batchId, double rowsPerSecond) {
        return new QueryProgress("id", "run", "test", "2026-01-05T09:00:00.000Z", batchId, 10, rowsPerSecond,
                rowsPerSecond, Map.of("triggerExecution", 8L), List.of(), List.of(), Map.of());
    }
}
