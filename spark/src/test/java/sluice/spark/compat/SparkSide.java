package sluice.spark.compat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkThrowable;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.pipeline.PipelineJson;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;
import sluice.spark.translate.SinkQuery;
import sluice.spark.translate.SparkTranslator;
import sluice.spark.translate.Translation;

/**
 * Runs a pipeline on Spark local mode through the translation, available-now. Every sink gets two queries that run
 * side by side: a {@code foreachBatch} collector on the sink's input (batch ids, schema, rows) and the translated
 * sink itself (console text captured, memory table read back).
 */
final class SparkSide {
    private static final long TIMEOUT_MILLIS = 60_000;

    private SparkSide() {
    }

    static Outcome run(Path pipeline) {
        SparkSession spark = TestSpark.session();
        PipelineSpec spec = PipelineJson.read(pipeline).spec();
        Path checkpoints = temporaryFolder();
        Translation translation;
        try {
            translation = new SparkTranslator(spark).translate(spec, Pipelines.environment(pipeline),
                    new Trigger.AvailableNow(), checkpoints.resolve("translated"));
        } catch (Exception e) {
            // Spark's AnalysisException and ParseException are checked exceptions to Java, thrown from Scala.
            return Outcome.rejected(conditions(e));
        }
        if (!translation.isComplete()) {
            return Outcome.rejected(translation.problems().get(0).render());
        }
        Map<String, List<Outcome.BatchData>> batches = new LinkedHashMap<>();
        Map<String, ByteArrayOutputStream> consoles = new LinkedHashMap<>();
        List<StreamingQuery> collectors = new ArrayList<>();
        List<StreamingQuery> sinks = new ArrayList<>();
        try {
            for (SinkQuery query : translation.queries()) {
                List<Outcome.BatchData> collected = new ArrayList<>();
                batches.put(query.nodeId(), collected);
                collectors.add(collector(query, spec, collected, checkpoints.resolve("collect-" + query.nodeId())));
                ByteArrayOutputStream console = new ByteArrayOutputStream();
                if (query.type().equals("sink.console")) {
                    consoles.put(query.nodeId(), console);
                }
                // Spark's console sink prints with Scala's println, to the stream execution thread's Console.out,
                // which that thread inherits from the thread that starts the query.
                sinks.add(scala.Console.withOut(new PrintStream(console, true, StandardCharsets.UTF_8),
                        () -> query.start()));
            }
        } catch (RuntimeException e) {
            stopAll(collectors);
            stopAll(sinks);
            return Outcome.rejected(conditions(e));
        }
        String failure = null;
        for (StreamingQuery query : collectors) {
            failure = failure != null ? failure : await(query);
        }
        for (StreamingQuery query : sinks) {
            String sinkFailure = await(query);
            failure = failure != null ? failure : sinkFailure;
        }
        Map<String, String> consoleText = new LinkedHashMap<>();
        consoles.forEach((node, text) -> consoleText.put(node, text.toString(StandardCharsets.UTF_8)));
        Map<String, List<String>> tables = failure == null ? memoryTables(spark, translation, spec) : Map.of();
        Map<String, List<Outcome.BatchData>> copied = new LinkedHashMap<>();
        batches.forEach((node, list) -> {
            synchronized (list) {
                copied.put(node, List.copyOf(list));
            }
        });
        return new Outcome(copied, consoleText, tables, null, failure);
    }

    private static StreamingQuery collector(SinkQuery query, PipelineSpec spec, List<Outcome.BatchData> collected,
                                            Path checkpoint) {
        VoidFunction2<Dataset<Row>, Long> collect = (data, batchId) -> {
            List<String> rows = new ArrayList<>();
            for (Row row : data.collectAsList()) {
                rows.add(RowText.of(row));
            }
            synchronized (collected) {
                collected.add(new Outcome.BatchData(batchId, data.schema().simpleString(), rows));
            }
        };
        String mode = spec.node(query.nodeId()).flatMap(n -> n.option("outputMode"))
                .map(v -> ((OptionValue.Text) v).value()).orElse("append");
        try {
            return query.input().writeStream().foreachBatch(collect).outputMode(mode)
                    .trigger(org.apache.spark.sql.streaming.Trigger.AvailableNow())
                    .option("checkpointLocation", checkpoint.toString()).start();
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The query's failure as Spark's error classes, or null when it ended normally. */
    private static String await(StreamingQuery query) {
        try {
            if (!query.awaitTermination(TIMEOUT_MILLIS)) {
                query.stop();
                throw new AssertionError("Spark did not finish a query in " + TIMEOUT_MILLIS + " ms");
            }
            return null;
        } catch (StreamingQueryException e) {
            return conditions(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, List<String>> memoryTables(SparkSession spark, Translation translation,
                                                          PipelineSpec spec) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (SinkQuery query : translation.queries()) {
            // sink.table and sink.chart are memory sinks on Spark but views on Sluice: their batches are compared.
            if (query.type().equals("sink.memory")) {
                String name = spec.node(query.nodeId()).flatMap(n -> n.option("queryName"))
                        .map(v -> ((OptionValue.Text) v).value()).orElseThrow();
                List<String> rows = new ArrayList<>();
                for (Row row : spark.table("`" + name + "`").collectAsList()) {
                    rows.add(RowText.of(row));
                }
                tables.put(name, rows);
            }
        }
        return tables;
    }

    /** Spark's error classes along the cause chain, outermost first, or the exception's class and message. */
    static String conditions(Throwable failure) {
        Set<String> found = new LinkedHashSet<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SparkThrowable spark && spark.getCondition() != null) {
                found.add(spark.getCondition());
            }
        }
        if (found.isEmpty()) {
            Throwable root = failure;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return root.getClass().getSimpleName() + ": " + root.getMessage();
        }
        return String.join(" < ", found);
    }

    private static void stopAll(List<StreamingQuery> queries) {
        for (StreamingQuery query : queries) {
            try {
                query.stop();
            } catch (TimeoutException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("sluice-compat-spark-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
