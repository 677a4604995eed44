package sluice.engine.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import sluice.engine.diag.SluiceException;
import sluice.engine.pipeline.DurationText;
import sluice.engine.pipeline.Trigger;
import sluice.engine.pipeline.TriggerText;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.PipelineLoader;
import sluice.engine.runtime.EngineEnvironment;
import sluice.engine.runtime.InternalFailure;
import sluice.engine.runtime.QueryListener;
import sluice.engine.runtime.QueryOptions;
import sluice.engine.runtime.QueryProgress;
import sluice.engine.runtime.StreamingQuery;

/** {@code sluice run PIPELINE}: runs a pipeline until it ends, fails, is interrupted, or reaches a limit. */
@Command(name = "run", description = "Runs a pipeline; console sinks print to standard output.")
final class RunCommand implements Callable<Integer> {
    private final PrintStream console;
    private final Clock clock;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PIPELINE", description = "The *.sluice.json pipeline file")
    private Path pipeline;

    @Option(names = "--trigger", paramLabel = "TRIGGER",
            description = "once, available-now, or an interval such as '1 second' (overrides the file's)")
    private String trigger;

    @Option(names = "--checkpoint", paramLabel = "DIR", description = "Checkpoint folder (overrides the file's)")
    private Path checkpoint;

    @Option(names = "--max-batches", paramLabel = "N", description = "Stop after N micro-batches")
    private long maxBatches;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Stop after this long, such as '30s'")
    private String timeout;

    @Option(names = "--progress", description = "Print each batch's progress as one JSON line on standard error")
    private boolean progress;

    @Option(names = "--verbose", description = "Print stack traces of internal errors")
    private boolean verbose;

    RunCommand(PrintStream console, Clock clock) {
        this.console = console;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PipelineLoader.Loaded loaded = load(err);
        if (loaded == null) {
            return ExitCode.INVALID_PIPELINE;
        }
        Duration limit = timeout == null ? null : DurationText.parse(timeout).orElse(null);
        if (timeout != null && limit == null) {
            err.printf("error: --timeout '%s' is not a duration such as '30s' or '2 minutes'%n", timeout);
            return ExitCode.INVALID_PIPELINE;
        }
        if (maxBatches < 0) {
            err.println("error: --max-batches must be at least 0");
            return ExitCode.INVALID_PIPELINE;
        }
        Trigger chosen = loaded.spec().trigger();
        if (trigger != null) {
            chosen = TriggerText.parse(trigger).orElse(null);
            if (chosen == null) {
                err.printf("error: --trigger '%s' must be once, available-now or an interval such as '1 second'%n",
                        trigger);
                return ExitCode.INVALID_PIPELINE;
            }
        }
        Path checkpointDir = checkpoint != null ? checkpoint
                : loaded.spec().checkpointLocation() == null ? null
                : pipeline.toAbsolutePath().getParent().resolve(loaded.spec().checkpointLocation());
        StreamingQuery query = StreamingQuery.create(loaded.plan(), new QueryOptions(chosen, checkpointDir, maxBatches),
                EngineEnvironment.standard(console).withClock(clock));
        if (progress) {
            query.addListener(new QueryListener() {
                @Override
                public void onProgress(QueryProgress event) {
                    err.println(event.toJson());
                }
            });
        }
        Thread shutdown = new Thread(query::stop, "sluice-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        try {
            return await(query, limit, err);
        } finally {
            removeHook(shutdown);
            console.flush();
        }
    }

    private PipelineLoader.Loaded load(PrintWriter err) {
        PipelineLoader.Loaded loaded = new PipelineLoader(NodeCatalog.standard()).load(pipeline);
        if (!loaded.problems().isEmpty()) {
            ProblemPrinter.print(err, pipeline, loaded.problems());
            return null;
        }
        return loaded;
    }

    private int await(StreamingQuery query, Duration limit, PrintWriter err) {
        try {
            query.start();
            if (limit == null) {
                query.awaitTermination();
            } else if (!query.awaitTermination(limit)) {
                query.stop();
                query.exception().ifPresent(e -> {
                    throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
                });
            }
            return ExitCode.OK;
        } catch (SluiceException e) {
            err.println("error: " + e.problem().render());
            return ExitCode.STREAM_FAILED;
        } catch (InternalFailure e) {
            err.printf("internal error in node '%s'; run with --verbose for details%n", e.nodeId());
            if (verbose) {
                e.getCause().printStackTrace(err);
            }
            return ExitCode.INTERNAL_ERROR;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook is running and stops the query itself.
        }
    }
}
