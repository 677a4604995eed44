package sluice.spark.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.pipeline.PipelineJson;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.PipelineLoader;
import sluice.engine.runtime.EngineEnvironment;
import sluice.engine.runtime.QueryListener;
import sluice.engine.runtime.QueryOptions;
import sluice.engine.sink.MemoryTables;
import sluice.engine.types.PartitionedBatch;
import sluice.spark.translate.SinkQuery;
import sluice.spark.translate.SparkTranslator;

/**
 * socket-lines reads a TCP server, so each engine in turn connects to a {@link ServerSocket} on loopback (the
 * example's port rewritten to a free one), gets the same lines and runs on a processing-time trigger until every
 * line has gone through a batch. How lines fall into batches follows each reader thread's timing, so rows are
 * compared across batches; the timestamp column is the arrival time, compared only as a non-null timestamp.
 */
class SocketExampleTest {
    private static final Path PIPELINE = Path.of("..", "sample-data", "pipelines", "socket-lines.sluice.json")
            .toAbsolutePath().normalize();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Trigger EVERY_100_MS = new Trigger.ProcessingTime(Duration.ofMillis(100),
            "100 milliseconds");
    /** Lines whose split shows the edge cases: empty, repeated, leading and trailing separators, tab, non-ASCII. */
    private static final List<String> LINES = List.of("the quick brown fox", "", " ", "two  spaces",
            " leading and trailing ", "tab\tis not a space", "ünïcödé 語 words", "the quick brown fox");

    @Test
    void socketLinesHasSparksSchemaAndRowsOnBoth() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout((int) TIMEOUT.toMillis());
            PipelineSpec spec = withOption(PipelineJson.read(PIPELINE).spec(), "lines", "port",
                    Integer.toString(server.getLocalPort()));
            Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);

            Collected spark = onSpark(spec, server);
            Collected sluice = onSluice(spec, server);

            Instant finished = Instant.now();
            assertThat(spark.schemas).as("Spark's batch schemas").isNotEmpty()
                    .containsOnly("struct<value:string,words:array<string>,timestamp:timestamp>");
            assertThat(sluice.schemas).as("Sluice's batch schemas").isNotEmpty().containsOnly(spark.schemas.get(0));
            assertThat(RowText.sorted(spark.rows)).as("Spark's rows").hasSize(LINES.size());
            assertThat(RowText.sorted(sluice.rows)).as("Sluice's (value, words) rows")
                    .containsExactlyElementsOf(RowText.sorted(spark.rows));
            for (Collected engine : List.of(spark, sluice)) {
                assertThat(engine.timestamps).as("%s's timestamps", engine.name).hasSize(LINES.size())
                        .allSatisfy(time -> assertThat(time).isInstanceOf(Instant.class));
                assertThat(engine.timestamps.stream().map(Instant.class::cast).toList())
                        .as("%s's timestamps are arrival times", engine.name)
                        .allSatisfy(time -> assertThat(time).isBetween(started, finished));
            }
        }
    }

    private static Collected onSpark(PipelineSpec spec, ServerSocket server) throws Exception {
        Collected collected = new Collected("Spark");
        SinkQuery translated = new SparkTranslator(TestSpark.session()).translate(spec,
                Pipelines.environment(PIPELINE), EVERY_100_MS, null).queries().get(0);
        VoidFunction2<Dataset<Row>, Long> collect = (data, batchId) -> {
            List<List<Object>> rows = new ArrayList<>();
            for (Row row : data.collectAsList()) {
                rows.add(java.util.Arrays.asList(row.get(0), row.get(1), row.get(2)));
            }
            collected.add(data.schema().simpleString(), rows);
        };
        StreamingQuery query = translated.input().writeStream().foreachBatch(collect)
                .trigger(org.apache.spark.sql.streaming.Trigger.ProcessingTime(100)).start();
        try {
            // Spark's socket source connects on the query's own thread: accept first, then send.
            try (Socket client = server.accept()) {
                send(client);
                Instant deadline = Instant.now().plus(TIMEOUT);
                while (collected.count() < LINES.size() && Instant.now().isBefore(deadline)) {
                    assertThat(query.awaitTermination(POLL.toMillis())).as("Spark's query ended early").isFalse();
                }
                query.stop();
            }
        } finally {
            query.stop();
        }
        return collected;
    }

    private static Collected onSluice(PipelineSpec spec, ServerSocket server) throws Exception {
        Collected collected = new Collected("Sluice");
        PipelineLoader.Loaded loaded = new PipelineLoader(NodeCatalog.standard()).plan(spec, List.of(),
                Pipelines.environment(PIPELINE));
        assertThat(loaded.problems()).as("Sluice's problems with the pipeline").isEmpty();
        sluice.engine.runtime.StreamingQuery query = sluice.engine.runtime.StreamingQuery.create(loaded.plan(),
                new QueryOptions(EVERY_100_MS, null, 0),
                new EngineEnvironment(new java.io.PrintStream(OutputStream.nullOutputStream()), new MemoryTables(),
                        Clock.systemUTC(), ZoneOffset.UTC, 2));
        query.addListener(new QueryListener() {
            @Override
            public boolean wantsBatchData() {
                return true;
            }

            @Override
            public void onBatchData(long batchId, Map<String, PartitionedBatch> outputs) {
                PartitionedBatch data = outputs.get("console");
                collected.add(data.schema().simpleString(),
                        data.toBatch().rows().stream().map(sluice.engine.types.Row::values).toList());
            }
        });
        query.start();
        try {
            try (Socket client = server.accept()) {
                send(client);
                Instant deadline = Instant.now().plus(TIMEOUT);
                while (collected.count() < LINES.size() && Instant.now().isBefore(deadline)) {
                    assertThat(query.awaitTermination(POLL)).as("Sluice's query ended early").isFalse();
                }
                query.stop();
            }
        } finally {
            query.stop();
        }
        return collected;
    }

    private static void send(Socket client) throws Exception {
        OutputStream out = client.getOutputStream();
        for (String line : LINES) {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
    }

    /** The spec with one node's option replaced, as the engine's example tests do. */
    private static PipelineSpec withOption(PipelineSpec spec, String nodeId, String option, String value) {
        List<NodeSpec> nodes = new ArrayList<>();
        for (NodeSpec node : spec.nodes()) {
            nodes.add(node.id().equals(nodeId) ? node.withOption(option, OptionValue.of(value)) : node);
        }
        return spec.withNodes(nodes);
    }

    /** One engine's batches: each batch's schema, (value, words) as {@link RowText}, and the timestamps apart. */
    private static final class Collected {
        final String name;
        final List<String> schemas = new ArrayList<>();
        final List<String> rows = new ArrayList<>();
        final List<Object> timestamps = new ArrayList<>();

        Collected(String name) {
            this.name = name;
        }

        synchronized void add(String schema, List<List<Object>> batch) {
            schemas.add(schema);
            for (List<Object> row : batch) {
                rows.add(RowText.of(new sluice.engine.types.Row(row.subList(0, 2))));
                timestamps.add(row.get(2));
            }
        }

        synchronized int count() {
            return rows.size();
        }
    }
}
