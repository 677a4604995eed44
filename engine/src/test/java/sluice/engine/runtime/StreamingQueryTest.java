package sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import sluice.engine.pipeline.Trigger;

class StreamingQueryTest {
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
    void maxBatchesStopsTheQuery() {
        ScriptedSource source = new ScriptedSource().add(1, 2, 3, 4).maxPerBatch(1);

        StreamingQuery query = StreamingQuery.create(queries.sourceToMemory(source),
                new QueryOptions(Trigger.DEFAULT, null, 2), queries.environment).start();

        assertThat(query.awaitTermination(Duration.ofSeconds(30))).isTrue();
        assertThat(queries.output()).containsExactly(1L, 2L);
    }

    /** Waits for the query to commit {@code batchId}, polling its handle (no sleeps in the test body). */
    static void awaitBatch(StreamingQuery query, long batchId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (query.lastBatchId() < batchId) {
            if (!query.isActive() || System.nanoTime() > deadline) {
                throw new AssertionError("batch " + batchId + " never committed; last " + query.lastBatchId()
                        + ", failure " + query.exception().orElse(null));
            }
            Thread.onSpinWait();
        }
    }
}
