package sluice.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import sluice.app.WorkbenchFixture;
import sluice.engine.pipeline.PipelineJson;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;
import sluice.engine.plan.NodeCatalog;

/**
 * The run session's state follows the current run. The clock stands still, so a run with the every-second trigger
 * runs its first batch and then waits: it stays active until stopped.
 */
@ExtendWith(ApplicationExtension.class)
class RunSessionTest {
    private static final Trigger EVERY_SECOND = new Trigger.ProcessingTime(Duration.ofSeconds(1), "1 second");
    private final RunSession session = new RunSession(NodeCatalog.standard(), new BatchFeed(256),
            Clock.fixed(Instant.parse("2026-01-05T09:00:00Z"), ZoneOffset.UTC));
    private final Path example = WorkbenchFixture.example("stocks-replay");
    private final PipelineSpec spec = PipelineJson.read(example).spec();

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void aRunStartedWhileAnotherIsActiveIsRunningOnceTheOldOneHasStopped(FxRobot robot) {
        robot.interact(() -> session.start(spec, example.getParent(), EVERY_SECOND));
        WorkbenchFixture.await("the first run is running", () -> session.state() == RunState.RUNNING);

        robot.interact(() -> session.start(spec, example.getParent(), EVERY_SECOND));
        WorkbenchFixture.await("the second run has started", () -> session.state() != RunState.STARTING);

        assertThat(WorkbenchFixture.onFx(session::state)).isEqualTo(RunState.RUNNING);
        robot.interact(session::stop);
        WorkbenchFixture.await("the second run stopped", () -> session.state() == RunState.FINISHED);
    }
}
