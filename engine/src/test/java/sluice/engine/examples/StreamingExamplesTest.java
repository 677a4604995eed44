package sluice.engine.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;
import sluice.engine.plan.PipelineLoader;
import sluice.engine.runtime.ManualClock;
import sluice.engine.runtime.QueryOptions;
import sluice.engine.runtime.StreamingQuery;

/** The examples that need time or a server: rate-plus-one, rate-windowed, socket-lines and socket-word-count. */
class StreamingExamplesTest {
    @Test
    void ratePlusOnePrintsOneBatchPerSecondWhereResultIsValuePlusOne() {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        Examples examples = new Examples(clock);
        PipelineLoader.Loaded loaded = Examples.plan(Examples.spec("rate-plus-one"));

        StreamingQuery query = StreamingQuery.create(loaded.plan(), new QueryOptions(Trigger.DEFAULT, null, 3),
                examples.environment).start();
        awaitBatch(query, 0);
        clock.advance(Duration.ofSeconds(1));
        awaitBatch(query, 1);
        clock.advance(Duration.ofMillis(1_500));
        query.awaitTermination();

        assertThat(examples.consoleText()).isEqualTo("""
                -------------------------------------------
                Batch: 0
                -------------------------------------------
                +---------+-----+------+
                |timestamp|value|result|
                +---------+-----+------+
                +---------+-----+------+

                -------------------------------------------
                Batch: 1
                -------------------------------------------
                +---------------------+-----+------+
                |timestamp            |value|result|
                +---------------------+-----+------+
                |2026-01-01 00:00:00  |0    |1     |
                |2026-01-01 00:00:00.2|1    |2     |
                |2026-01-01 00:00:00.4|2    |3     |
                |2026-01-01 00:00:00.6|3    |4     |
                |2026-01-01 00:00:00.8|4    |5     |
                +---------------------+-----+------+

                -------------------------------------------
                Batch: 2
                -------------------------------------------
                +---------------------+-----+------+
                |timestamp            |value|result|
                +---------------------+-----+------+
                |2026-01-01 00:00:01  |5    |6     |
                |2026-01-01 00:00:01.2|6    |7     |
                |2026-01-01 00:00:01.4|7    |8     |
                |2026-01-01 00:00:01.6|8    |9     |
                |2026-01-01 00:00:01.8|9    |10    |
                +---------------------+-----+------+

                """);
    }

    @Test
    void rateWindowedPrintsEachTenSecondWindowOnceTheWatermarkPassesItsEnd() {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        Examples examples = new Examples(clock);
        PipelineLoader.Loaded loaded = Examples.plan(Examples.spec("rate-windowed"));

        StreamingQuery query = StreamingQuery.create(loaded.plan(), new QueryOptions(Trigger.DEFAULT, null, 5),
                examples.environment).start();
        awaitBatch(query, 0);
        // Rows 0 to 59 come with times 00:00:00 to 00:00:11.8: the watermark moves to 00:00:06.8, which runs a
        // no-data batch (2) that closes no window yet.
        clock.advance(Duration.ofSeconds(12));
        awaitBatch(query, 2);
        // Rows 60 to 109 move it to 00:00:16.8, past the end of [00:00:00, 00:00:10): the no-data batch 4 prints it.
        clock.advance(Duration.ofSeconds(10));
        query.awaitTermination();

        List<List<List<String>>> batches = Examples.tables(examples.consoleText());
        assertThat(batches).hasSize(5);
        assertThat(batches.subList(0, 4)).allMatch(List::isEmpty);
        assertThat(batches.get(4)).containsExactly(
                List.of("{2026-01-01 00:00:00, 2026-01-01 00:00:10}", "50", "0", "49"));
    }

    /** Waits, bounded, for the query to commit {@code batchId}. */
    private static void awaitBatch(StreamingQuery query, long batchId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (query.lastBatchId() < batchId) {
            if (!query.isActive() || System.nanoTime() > deadline) {
                throw new AssertionError("batch " + batchId + " never committed");
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void socketLinesSplitsEachLineIntoWords() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            PipelineSpec spec = Examples.withOption(Examples.spec("socket-lines"), "lines", "port",
                    Integer.toString(server.getLocalPort()));
            Examples examples = new Examples();
            StreamingQuery query = StreamingQuery.create(Examples.plan(spec).plan(),
                    new QueryOptions(Trigger.DEFAULT, null, 1), examples.environment).start();
            try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
                out.write("the quick brown fox\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                assertThat(query.awaitTermination(Duration.ofSeconds(30))).isTrue();
            }

            List<List<List<String>>> batches = Examples.tables(examples.consoleText());
            assertThat(batches).hasSize(1);
            assertThat(batches.get(0).get(0).subList(0, 2))
                    .containsExactly("the quick brown fox", "[the, quick, brown, fox]");
            assertThat(batches.get(0).get(0).get(2)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d+)?");
        }
    }

    @Test
    void socketWordCountPrintsTheWholeCountPerWordAfterEachBatch() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            PipelineSpec spec = Examples.withOption(Examples.spec("socket-word-count"), "lines", "port",
                    Integer.toString(server.getLocalPort()));
            Examples examples = new Examples();
            StreamingQuery query = StreamingQuery.create(Examples.plan(spec).plan(),
                    new QueryOptions(Trigger.DEFAULT, null, 2), examples.environment).start();
            try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
                out.write("the quick brown fox\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                awaitBatch(query, 0);
                out.write("the lazy dog\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                assertThat(query.awaitTermination(Duration.ofSeconds(30))).isTrue();
            }

            // Complete mode prints the whole result table each batch, in no particular row order (as Spark).
            List<List<List<String>>> batches = Examples.tables(examples.consoleText());
            assertThat(batches).hasSize(2);
            assertThat(batches.get(0)).containsExactlyInAnyOrder(List.of("the", "1"), List.of("quick", "1"),
                    List.of("brown", "1"), List.of("fox", "1"));
            assertThat(batches.get(1)).containsExactlyInAnyOrder(List.of("the", "2"), List.of("quick", "1"),
                    List.of("brown", "1"), List.of("fox", "1"), List.of("lazy", "1"), List.of("dog", "1"));
            assertThat(examples.consoleText()).contains("|word |count|");
        }
    }
}
