package sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.pipeline.Trigger;

class StreamingQueryTest {
    /** Far more than a stop takes; without the interruption, a stop in a stalled batch never returns. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    private final Queries queries = new Queries();

    @Test
    void availableNowRunsBatchesUpToTheSourceLimitThenStops() {
        ScriptedSource source = new ScriptedSource().add(1, 2, 3, 4, 5).maxPerBatch(2);
        List<QueryProgress> progress = new CopyOnWriteArrayList<>();

        StreamingQuery query = StreamingQuery.create(queries.sourceToMemory(source),
                new QueryOptions(new Trigger.AvailableNow(), null, 0), queries.environment);
        query.addListener(new QueryListener() {
            @Override
            public void onProgress(QueryProgress event) {
                progress.add(event);
            }
        }).start().awaitTermination();

        assertThat(queries.output()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(source.reads()).containsExactly("null..2", "2..4", "4..5");
        assertThat(progress).extracting(QueryProgress::batchId).containsExactly(0L, 1L, 2L);
        assertThat(progress).extracting(QueryProgress::numInputRows).containsExactly(2L, 2L, 1L);
        assertThat(progress.get(1).sources().get(0).startOffset()).isEqualTo("2");
        assertThat(progress.get(1).sources().get(0).endOffset()).isEqualTo("4");
        assertThat(progress.get(1).sinks().get(0).numOutputRows()).isEqualTo(2);
        assertThat(query.isActive()).isFalse();
    }

    @Test
    void onceTakesEverythingInOneBatch() {
        ScriptedSource source = new ScriptedSource().add(1, 2, 3).maxPerBatch(1);

        queries.start(queries.sourceToMemory(source), new Trigger.Once(), null).awaitTermination();

        assertThat(source.reads()).containsExactly("null..3");
        assertThat(queries.output()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void defaultTriggerPicksUpNewDataUntilStopped() {
        ScriptedSource source = new ScriptedSource().add(1);
        StreamingQuery query = queries.start(queries.sourceToMemory(source), Trigger.DEFAULT, null);
        awaitBatch(query, 0);

        source.add(2, 3);
        awaitBatch(query, 1);
        query.stop();

        assertThat(queries.output()).containsExactly(1L, 2L, 3L);
        assertThat(query.isActive()).isFalse();
        assertThat(query.exception()).isEmpty();
    }

    @Test
    void manualTriggerRunsOneBatchPerStep() {
        ScriptedSource source = new ScriptedSource().add(1, 2, 3).maxPerBatch(1);
        StreamingQuery query = queries.start(queries.sourceToMemory(source), new Trigger.Manual(), null);

        query.step();
        awaitBatch(query, 0);
        assertThat(queries.output()).containsExactly(1L);

        query.step();
        awaitBatch(query, 1);
        query.stop();

        assertThat(queries.output()).containsExactly(1L, 2L);
        assertThat(query.lastBatchId()).isEqualTo(1);
    }

    @Test
    void whileATriggerWaitsForASourcesOffsetsTheStatusNamesTheSource() throws InterruptedException {
        ScriptedSource slow = new ScriptedSource().stallOffsets();
        StreamingQuery query = queries.start(queries.sourceToMemory(slow), Trigger.DEFAULT, null);
        slow.awaitStalledOffsets();

        // As Spark's status while it asks a source, with the node's id (the Kafka source waits up to 60 s here).
        assertThat(query.status()).isEqualTo(new QueryStatus("Getting offsets from in", false, true));

        slow.releaseOffsets();
        await("the trigger found no data", query,
                () -> query.status().message().equals("Waiting for data to arrive"));
        query.stop();
    }

    @Test
    void pauseHoldsTheLoopAndResumeContinues() {
        ScriptedSource source = new ScriptedSource().add(1).maxPerBatch(1);
        StreamingQuery query = queries.start(queries.sourceToMemory(source), Trigger.DEFAULT, null);
        awaitBatch(query, 0);

        query.pause();
        source.add(2);
        query.step();
        awaitBatch(query, 1);
        source.add(3);
        assertThat(query.isPaused()).isTrue();
        query.resume();
        awaitBatch(query, 2);
        query.stop();

        assertThat(queries.output()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void noBatchRunsWhilePausedAndAStepRunsExactlyOne() {
        EndlessSource source = new EndlessSource();
        StreamingQuery query = queries.start(queries.sourceToMemory(source), Trigger.DEFAULT, null);
        awaitBatch(query, 2);

        query.pause();
        await("the loop is paused", query, () -> query.status().equals(QueryStatus.PAUSED));
        long pausedAt = query.lastBatchId();
        int requestsWhilePaused = source.offsetRequests();
        query.step();
        await("the step's batch ran and the loop paused again", query,
                () -> query.lastBatchId() > pausedAt && query.status().equals(QueryStatus.PAUSED));
        long afterStep = query.lastBatchId();
        int requestsAfterStep = source.offsetRequests();
        query.stop();

        assertThat(requestsWhilePaused).isEqualTo(pausedAt + 1);
        assertThat(afterStep).isEqualTo(pausedAt + 1);
        assertThat(requestsAfterStep).isEqualTo(requestsWhilePaused + 1);
        assertThat(queries.output()).hasSize((int) afterStep + 1);
    }

    @Test
    void stopInterruptsTheBatchInProgressAndARestartRunsItAgainWithTheSameOffsets(@TempDir Path checkpoint)
            throws Exception {
        ScriptedSource stalling = new ScriptedSource().add(1, 2, 3).partitions(2).stallReads(2);
        StreamingQuery query = queries.start(queries.sourceToMemory(stalling), Trigger.DEFAULT, checkpoint);
        stalling.awaitStalledReads();

        assertTimeoutPreemptively(STOP_WAIT, query::stop, "stop waited for a batch that never ends");

        assertThat(query.isActive()).isFalse();
        assertThat(query.exception()).isEmpty();
        assertThat(query.status()).isEqualTo(QueryStatus.STOPPED);
        assertThat(query.lastBatchId()).isEqualTo(-1);
        assertThat(queries.output()).isEmpty();
        assertThat(checkpoint.resolve("offsets/0")).exists();
        assertThat(checkpoint.resolve("commits/0")).doesNotExist();
        Queries restarted = new Queries();
        ScriptedSource source = new ScriptedSource().add(1, 2, 3, 4);
        restarted.start(restarted.sourceToMemory(source), new Trigger.AvailableNow(), checkpoint).awaitTermination();
        assertThat(source.reads()).containsExactly("null..3", "3..4");
        assertThat(restarted.output()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void stopInterruptsASinkStillWritingTheBatch() throws Exception {
        StallingSink sink = new StallingSink();
        StreamingQuery query = queries.start(queries.sourceToSink(new ScriptedSource().add(1), sink),
                Trigger.DEFAULT, null);
        sink.awaitWriting();

        assertTimeoutPreemptively(STOP_WAIT, query::stop, "stop waited for a sink that never ends");

        assertThat(query.isActive()).isFalse();
        assertThat(query.exception()).isEmpty();
        assertThat(query.lastBatchId()).isEqualTo(-1);
    }

    @Test
    void maxBatchesStopsTheQuery() {
        ScriptedSource source = new ScriptedSource().add(1, 2, 3, 4).maxPerBatch(1);

        StreamingQuery query = StreamingQuery.create(queries.sourceToMemory(source),
                new QueryOptions(Trigger.DEFAULT, null, 2), queries.environment).start();

        assertThat(query.awaitTermination(Duration.ofSeconds(30))).isTrue();
        assertThat(queries.output()).containsExactly(1L, 2L);
    }

    /** Waits for the query to commit {@code batchId}, polling its handle (no sleeps in the test body). */
    static void awaitBatch(StreamingQuery query, long batchId) {
        await("batch " + batchId + " committed", query, () -> query.lastBatchId() >= batchId);
    }

    /** Waits, bounded, until {@code condition} holds while the query runs, polling (no sleeps in the test body). */
    static void await(String what, StreamingQuery query, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (!query.isActive() || System.nanoTime() > deadline) {
                throw new AssertionError("never " + what + "; last batch " + query.lastBatchId() + ", status "
                        + query.status() + ", failure " + query.exception().orElse(null));
            }
            Thread.onSpinWait();
        }
    }
}
