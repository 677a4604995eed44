package sluice.engine.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sluice.engine.diag.ControlCharacters;
import sluice.engine.diag.SluiceException;
import sluice.engine.pipeline.NodeSpec;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.PipelineLoader;
import sluice.engine.runtime.EngineEnvironment;
import sluice.engine.runtime.InternalFailure;
import sluice.engine.runtime.QueryListener;
import sluice.engine.runtime.QueryOptions;
import sluice.engine.runtime.QueryProgress;
import sluice.engine.runtime.StreamingQuery;

/** {@code sluice run PIPELINE}: runs a pipeline until it ends, fails, is interrupted, or reaches a limit. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs a pipeline; console sinks print to standard output.")
final class RunCommand implements Callable<Integer> {
    private static final Set<String> VIEW_SINKS = Set.of("sink.table", "sink.chart");

    private final PrintStream console;
    private final StandardOutput stdout;
    private final boolean verbose;
    private final Clock clock;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PIPELINE", description = "The *.sluice.json pipeline file",
            converter = ArgumentTypes.NonEmptyPath.class)
    private Path pipeline;

    @Option(names = "--trigger", paramLabel = "TRIGGER", converter = ArgumentTypes.TriggerValue.class,
            description = "once, available-now, or an interval such as '1 second' (overrides the file's)")
    private Trigger trigger;

    @Option(names = "--checkpoint", paramLabel = "DIR", converter = ArgumentTypes.NonEmptyPath.class,
            description = "Checkpoint folder (overrides the file's)")
    private Path checkpoint;

    @Option(names = "--max-batches", paramLabel = "N", converter = ArgumentTypes.PositiveCount.class,
            description = "Stop after N micro-batches (at least 1)")
    private Long maxBatches;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = ArgumentTypes.PositiveDuration.class,
            description = "Stop after this long, such as '30s'")
    private Duration timeout;

    @Option(names = "--progress", description = "Print each batch's progress as one JSON line on standard error")
    private boolean progress;

    /**
     * {@code console} is where console sinks print, over {@code stdout}, which tells whether that output failed;
     * {@code clock} is the queries' (a test's manual clock).
     */
    RunCommand(PrintStream console, StandardOutput stdout, boolean verbose, Clock clock) {
        this.console = console;
        this.stdout = stdout;
        this.verbose = verbose;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PipelineLoader.Loaded loaded = new PipelineLoader(NodeCatalog.standard()).load(pipeline);
        if (!loaded.problems().isEmpty()) {
            ProblemPrinter.print(err, pipeline, loaded.problems());
            return ExitCode.INVALID_PIPELINE;
        }
        viewSinksOnly(loaded.spec()).ifPresent(sinks -> err.printf(
                "note: the pipeline's only sinks, %s, show rows in the workbench; here its rows are discarded%n",
                sinks));
        Trigger chosen = trigger != null ? trigger : loaded.spec().trigger();
        Path checkpointDir = checkpoint != null ? checkpoint
                : loaded.spec().checkpointLocation() == null ? null
                : pipeline.toAbsolutePath().getParent().resolve(loaded.spec().checkpointLocation());
        // No limit is 0 for the query, which then runs until its sources end or it is stopped.
        StreamingQuery query = StreamingQuery.create(loaded.plan(),
                new QueryOptions(chosen, checkpointDir, maxBatches == null ? 0 : maxBatches),
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
            return await(query, err);
        } finally {
            removeHook(shutdown);
            console.flush();
        }
    }

    private int await(StreamingQuery query, PrintWriter err) {
        try {
            query.start();
            if (timeout == null) {
                query.awaitTermination();
            } else if (!query.awaitTermination(timeout)) {
                query.stop();
                query.exception().ifPresent(e -> {
                    throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
                });
            }
            return ExitCode.OK;
        } catch (SluiceException e) {
            // A console sink that could not print fails the query; the reason is standard output's, not the node's.
            String reason = stdout.failureMessage().orElse(e.problem().render());
            ErrorLine.print(err, "%s", reason);
            return ExitCode.STREAM_FAILED;
        } catch (InternalFailure e) {
            err.println("internal error in node '" + ControlCharacters.escape(e.nodeId())
                    + "'; run with --verbose for details");
            if (verbose) {
                e.getCause().printStackTrace(err);
            }
            return ExitCode.INTERNAL_ERROR;
        }
    }

    /**
     * The sinks, named and quoted, when every sink is a workbench view ({@code sink.table}, {@code sink.chart}): the
     * command line runs them as no-op sinks, and a run that prints nothing at all would look broken.
     */
    private static Optional<String> viewSinksOnly(PipelineSpec spec) {
        List<NodeSpec> sinks = spec.nodes().stream().filter(n -> n.type().startsWith("sink.")).toList();
        if (sinks.isEmpty() || !sinks.stream().allMatch(n -> VIEW_SINKS.contains(n.type()))) {
            return Optional.empty();
        }
        return Optional.of(sinks.stream().map(n -> "'" + ControlCharacters.escape(n.id()) + "' (" + n.type() + ")")
                .collect(Collectors.joining(", ")));
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook is running and stops the query itself.
        }
    }
}
