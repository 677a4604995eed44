package sluice.spark.runner;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import sluice.engine.diag.Problem;
import sluice.engine.pipeline.Trigger;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.PipelineLoader;
import sluice.engine.plan.PlanEnvironment;
import sluice.spark.translate.SinkQuery;
import sluice.spark.translate.SparkTranslator;
import sluice.spark.translate.Translation;

/**
 * Runs a Sluice pipeline on Spark: {@code spark-submit --class sluice.spark.runner.SparkRunner sluice-spark.jar
 * PIPELINE [--trigger T] [--max-batches N]}. Uses the active or default SparkSession, so spark-submit's master and
 * configuration apply. Exit codes as {@code sluice run}: 0 done, 1 a query failed, 2 invalid pipeline or arguments.
 */
public final class SparkRunner {
    static final int OK = 0;
    static final int STREAM_FAILED = 1;
    static final int INVALID = 2;

    private static final long POLL_MILLIS = 100;

    private final SparkSession spark;
    private final PrintStream err;

    public SparkRunner(SparkSession spark, PrintStream err) {
        this.spark = requireNonNull(spark, "spark is null");
        this.err = requireNonNull(err, "err is null");
    }

    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().appName("sluice").getOrCreate();
        int code = new SparkRunner(spark, System.err).run(Arrays.asList(args));
        spark.stop();
        System.exit(code);
    }

    /** Runs the command line and returns the exit code; the console sinks print to Spark's console (standard out). */
    public int run(List<String> args) {
        RunnerArguments.Parsed parsed = RunnerArguments.parse(args);
        if (parsed.arguments() == null) {
            err.println("error: " + parsed.error());
            err.println(RunnerArguments.USAGE);
            return INVALID;
        }
        RunnerArguments arguments = parsed.arguments();
        // Planned with Sluice first: the same checks and messages as `sluice run` before anything reaches Spark.
        PlanEnvironment environment = PlanEnvironment.forPipelineFile(arguments.pipeline());
        PipelineLoader.Loaded loaded = new PipelineLoader(NodeCatalog.standard()).load(arguments.pipeline());
        if (!loaded.problems().isEmpty()) {
            return printProblems(arguments, loaded.problems());
        }
        Trigger trigger = arguments.trigger() != null ? arguments.trigger() : loaded.spec().trigger();
        Translation translation = new SparkTranslator(spark).translate(loaded.plan(), environment, trigger, null);
        if (!translation.isComplete()) {
            return printProblems(arguments, translation.problems());
        }
        List<StreamingQuery> started = new ArrayList<>();
        for (SinkQuery query : translation.queries()) {
            started.add(query.start());
        }
        return await(started, arguments.maxBatches());
    }

    private int printProblems(RunnerArguments arguments, List<Problem> problems) {
        for (Problem problem : problems) {
            err.println(arguments.pipeline() + ": " + problem.render());
        }
        err.printf("%d problem%s in %s%n", problems.size(), problems.size() == 1 ? "" : "s", arguments.pipeline());
        return INVALID;
    }

    /** Waits for every query; with a batch limit, stops each one once it has run that many batches. */
    private int await(List<StreamingQuery> queries, long maxBatches) {
        int code = OK;
        for (StreamingQuery query : queries) {
            try {
                while (!query.awaitTermination(POLL_MILLIS)) {
                    if (maxBatches > 0 && batchesRun(query) >= maxBatches) {
                        query.stop();
                    }
                }
            } catch (StreamingQueryException e) {
                err.println("error: " + oneLine(e));
                code = STREAM_FAILED;
                queries.forEach(SparkRunner::stopQuietly);
            } catch (java.util.concurrent.TimeoutException e) {
                err.println("error: Spark did not stop a query in time");
                code = STREAM_FAILED;
            }
        }
        return code;
    }

    private static long batchesRun(StreamingQuery query) {
        StreamingQueryProgress last = query.lastProgress();
        return last == null ? 0 : last.batchId() + 1;
    }

    private static void stopQuietly(StreamingQuery query) {
        try {
            query.stop();
        } catch (java.util.concurrent.TimeoutException e) {
            // Already failing; the first error is the one reported.
        }
    }

    private static String oneLine(Throwable e) {
        Throwable root = e.getCause() != null ? e.getCause() : e;
        String message = String.valueOf(root.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
