package sluice.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import sluice.app.WorkbenchFixture;
import sluice.engine.pipeline.NodeKind;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.PipelineJson;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.NodeType;
import sluice.engine.plan.PlannedNode;
import sluice.engine.source.InputPartition;
import sluice.engine.source.Source;
import sluice.engine.source.SourceContext;
import sluice.engine.task.TaskInterruption;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Batch;
import sluice.engine.types.Field;
import sluice.engine.types.Schema;

/**
 * The run session: its Stop (what the Stop button calls) ends a run whose batch would never end by itself, and its
 * state follows the current run when another is started meanwhile.
 */
@ExtendWith(ApplicationExtension.class)
class RunSessionTest {
    private static final Trigger EVERY_SECOND = new Trigger.ProcessingTime(Duration.ofSeconds(1), "1 second");

    /**
     * The clock stands still, so a run with the every-second trigger runs its first batch and then waits: it stays
     * active until stopped.
     */
    @Test
    void aRunStartedWhileAnotherIsActiveIsRunningOnceTheOldOneHasStopped(FxRobot robot) {
        RunSession session = new RunSession(NodeCatalog.standard(), new BatchFeed(256),
                Clock.fixed(Instant.parse("2026-01-05T09:00:00Z"), ZoneOffset.UTC));
        Path example = WorkbenchFixture.example("stocks-replay");
        PipelineSpec spec = PipelineJson.read(example).spec();
        robot.interact(() -> session.start(spec, example.getParent(), EVERY_SECOND));
        WorkbenchFixture.await("the first run is running", () -> session.state() == RunState.RUNNING);

        robot.interact(() -> session.start(spec, example.getParent(), EVERY_SECOND));
        WorkbenchFixture.await("the second run has started", () -> session.state() != RunState.STARTING);

        assertThat(WorkbenchFixture.onFx(session::state)).isEqualTo(RunState.RUNNING);
        robot.interact(session::stop);
        WorkbenchFixture.await("the second run stopped", () -> session.state() == RunState.STOPPED);
        session.close();
    }

    @Test
    void stopEndsARunInTheMiddleOfABatch(@TempDir Path folder) throws Exception {
        StallingSource source = new StallingSource();
        List<NodeType> types = new ArrayList<>(NodeCatalog.standard().types());
        types.add(new NodeType(new NodeKind("test.stalling", NodeKind.Category.SOURCE, 0, 0, List.of(),
                "Rows whose reading never ends"), context -> Optional.of(new PlannedNode.SourceNode(source))));
        RunSession session = new RunSession(new NodeCatalog(types), new BatchFeed(16), Clock.systemUTC());
        PipelineSpec spec = new PipelineSpec(PipelineSpec.FORMAT, "stalling", Trigger.DEFAULT, null, List.of(
                new NodeSpec("in", "test.stalling", List.of(), 0, 0, Map.of()),
                new NodeSpec("out", "sink.noop", List.of("in"), 200, 0, Map.of())));
        WaitForAsyncUtils.asyncFx(() -> session.start(spec, folder, Trigger.DEFAULT)).get();
        source.awaitRead();

        WaitForAsyncUtils.asyncFx(session::stop).get();

        WorkbenchFixture.await("the run stopped", () -> session.state() == RunState.STOPPED);
        session.close();
    }

    /** A source with one row whose read waits until its thread is interrupted, as a read of a stuck medium. */
    private static final class StallingSource implements Source {
        private static final Schema SCHEMA = Schema.of(Field.of("n", AtomicType.BIGINT));
        private final CountDownLatch reading = new CountDownLatch(1);

        void awaitRead() throws InterruptedException {
            if (!reading.await(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the batch never started");
            }
        }

        @Override
        public Schema schema() {
            return SCHEMA;
        }

        @Override
        public void start(SourceContext context) {
        }

        @Override
        public String latestOffset(String start, ReadLimit limit) {
            return "1";
        }

        @Override
        public List<InputPartition> planInputPartitions(String start, String end) {
            return List.of(() -> {
                reading.countDown();
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    throw TaskInterruption.of(e);
                }
                return Batch.empty(SCHEMA);
            });
        }
    }
}
