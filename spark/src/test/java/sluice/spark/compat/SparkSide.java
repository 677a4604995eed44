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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import sluice.engine.pipeline.OptionValue;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;
import sluice.spark.translate.SinkQuery;
import sluice.spark.translate.SparkTranslator;
import sluice.spark.translate.Translation;

/**
 * Runs a pipeline on Spark local mode through the translation, available-now. Every sink gets two queries that run
 * side by side: a {@code foreachBatch} collector on the sink's input (batch ids, schema, rows) and the translated
 * sink itself (console text captured, memory table read back, file sink writing into a folder of its own). Only
 * Spark's own errors count as Spark's outcome ({@link SparkErrors}); an error Spark finds only when it plans the
 * first batch (a file sink's schema) is a rejection, as Sluice finds it before the run.
 */
final class SparkSide {
    private static final long TIMEOUT_MILLIS = 60_000;
    private static final String CSV_FILTER_PUSH_DOWN = "spark.sql.csv.filterPushdown.enabled";

    private SparkSide() {
    }

    /**
     * Spark's outcome of {@code pipeline}. A case that meets a bug of Spark's CSV filter push-down
     * ({@link SparkErrors#isCsvFilterPushDownBug}) runs again without that push-down, an optimization that changes
     * no result, so that its rows are what Sluice must give.
     */
    static Outcome run(Path pipeline) {
        Outcome outcome = runOnce(pipeline);
        if (outcome != null) {
            return outcome;
        }
        SparkSession spark = TestSpark.session();
        spark.conf().set(CSV_FILTER_PUSH_DOWN, "false");
        try {
            outcome = runOnce(pipeline);
        } finally {
            spark.conf().unset(CSV_FILTER_PUSH_DOWN);
        }
        if (outcome == null) {
            throw new AssertionError("Spark's CSV filter push-down failed " + pipeline + " with it turned off");
        }
        return outcome;
    }

    /** Spark's outcome of {@code pipeline}; null when Spark's CSV filter push-down failed it by its bug. */
    private static Outcome runOnce(Path pipeline) {
        SparkSession spark = TestSpark.session();
        Path work = temporaryFolder();
        Pipelines.Redirected redirected = Pipelines.redirectFileSinks(Pipelines.spec(pipeline),
                work.resolve("outputs"));
        PipelineSpec spec = redirected.spec();
        Translation translation;
        Translation collected;
        try {
            translation = translate(spark, pipeline, spec, work.resolve("translated"));
            // The collectors read a translation of their own: two queries planned at once on one Dataset share its
            // expression objects, and Spark's CSV functions keep a parser in theirs that is not safe to share
            // (schema_of_csv and from_csv with options gave another call's result, or failed, now and then).
            collected = translate(spark, pipeline, spec, work.resolve("translated-for-collectors"));
        } catch (Exception e) {
            // Spark throws its AnalysisException, a checked exception to Java, from Scala without declaring it.
            return Outcome.rejected(SparkErrors.reason(e, "translating " + pipeline));
        }
        Map<String, List<Outcome.BatchData>> batches = new LinkedHashMap<>();
        Map<String, ByteArrayOutputStream> consoles = new LinkedHashMap<>();
        List<StreamingQuery> queries = new ArrayList<>();
        try {
            for (SinkQuery query : collected.queries()) {
                List<Outcome.BatchData> rows = new ArrayList<>();
                batches.put(query.nodeId(), rows);
                queries.add(collector(query, spec, rows, work.resolve("collect-" + query.nodeId())));
            }
            for (SinkQuery query : translation.queries()) {
                ByteArrayOutputStream console = new ByteArrayOutputStream();
                if (query.type().equals("sink.console")) {
                    consoles.put(query.nodeId(), console);
                }
                // Spark's console sink prints with Scala's println, to the stream execution thread's Console.out,
                // which that thread inherits from the thread that starts the query.
                queries.add(scala.Console.withOut(new PrintStream(console, true, StandardCharsets.UTF_8),
                        () -> query.start()));
            }
        } catch (Exception e) {
            stopAll(queries);
            return Outcome.rejected(SparkErrors.reason(e, "starting the queries of " + pipeline));
        }
        Outcome.Stop rejected = null;
        Outcome.Stop failure = null;
        for (StreamingQuery query : queries) {
            StreamingQueryException error = await(query);
            if (error == null) {
                continue;
            }
            if (SparkErrors.isCsvFilterPushDownBug(error)) {
                stopAll(queries);
                return null;
            }
            Outcome.Stop reason = SparkErrors.reason(error, "running " + pipeline);
            if (SparkErrors.isAnalysisError(error) && query.recentProgress().length == 0) {
                rejected = rejected != null ? rejected : reason;
            } else {
                failure = failure != null ? failure : reason;
            }
        }
        Map<String, String> consoleText = new LinkedHashMap<>();
        consoles.forEach((node, text) -> consoleText.put(node, text.toString(StandardCharsets.UTF_8)));
        Map<String, List<Outcome.BatchData>> copied = new LinkedHashMap<>();
        batches.forEach((node, list) -> {
            synchronized (list) {
                copied.put(node, List.copyOf(list));
            }
        });
        Map<String, Outcome.FileOutput> files = new LinkedHashMap<>();
        for (SinkQuery query : translation.queries()) {
            if (redirected.folders().containsKey(query.nodeId())) {
                files.put(query.nodeId(), new Outcome.FileOutput(redirected.folders().get(query.nodeId()),
                        query.input().schema().toDDL()));
            }
        }
        return new Outcome(copied, consoleText, memoryTables(spark, translation, spec), files, rejected,
                rejected != null ? null : failure);
    }

    private static Translation translate(SparkSession spark, Path pipeline, PipelineSpec spec, Path checkpoints) {
        Translation translation = new SparkTranslator(spark).translate(spec, Pipelines.environment(pipeline),
                new Trigger.AvailableNow(), checkpoints);
        if (!translation.isComplete()) {
            throw new AssertionError("the translation cannot express " + pipeline + ": " + translation.problems());
        }
        return translation;
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

    /** Waits for the query to end; its failure, or null when it ended normally. */
    private static StreamingQueryException await(StreamingQuery query) {
        try {
            if (!query.awaitTermination(TIMEOUT_MILLIS)) {
                query.stop();
                throw new AssertionError("Spark did not finish a query in " + TIMEOUT_MILLIS + " ms");
            }
            return null;
        } catch (StreamingQueryException e) {
            return e;
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
