package sluice.engine.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;
import sluice.engine.plan.PipelineLoader;
import sluice.engine.runtime.QueryOptions;
import sluice.engine.runtime.StreamingQuery;

/** The examples that need time or a server: rate-plus-one and socket-lines. */
class StreamingExamplesTest {
    @Test
    void ratePlusOnePrintsThreeBatchesWhereResultIsValuePlusOne() {
        Examples examples = new Examples();
        PipelineLoader.Loaded loaded = Examples.plan(Examples.spec("rate-plus-one"));

        StreamingQuery.create(loaded.plan(), new QueryOptions(Trigger.DEFAULT, null, 3), examples.environment)
                .start().awaitTermination();

        List<List<List<String>>> batches = Examples.tables(examples.consoleText());
        assertThat(examples.consoleText()).startsWith("""
                -------------------------------------------
                Batch: 0
                -------------------------------------------
                +---------+-----+------+
                |timestamp|value|result|
                +---------+-----+------+
                +---------+-----+------+

                """);
        assertThat(batches).hasSize(3);
        assertThat(batches.get(1)).hasSize(5);
        assertThat(batches.get(1).get(0).get(1)).isEqualTo("0");
        for (List<List<String>> batch : batches) {
            for (List<String> row : batch) {
                assertThat(Long.parseLong(row.get(2))).isEqualTo(Long.parseLong(row.get(1)) + 1);
            }
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
}
