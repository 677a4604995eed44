package sluice.engine.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sluice}: runs and validates pipeline files without a window. */
@Command(name = "sluice", mixinStandardHelpOptions = true, version = "Sluice 0.1.0",
        description = "Runs Sluice pipelines in micro-batches with Spark Structured Streaming's semantics.")
public final class Main implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        quietLogging(java.util.Arrays.asList(args).contains("--verbose"));
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(execute(args, out, err));
    }

    /** Runs the command line with the given output streams and returns the exit code (for tests). */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        return execute(args, out, err, Clock.systemUTC());
    }

    /** As {@link #execute(String[], PrintStream, PrintStream)}, with the clock pipelines run against (a test's). */
    static int execute(String[] args, PrintStream out, PrintStream err, Clock clock) {
        CommandLine commandLine = new CommandLine(new Main());
        // picocli reads a command's annotations when it is added, a good part of start-up: a command line that
        // names its command gets only that one; usage, suggestions and mistakes get all of them.
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("validate", ValidateCommand::new);
        commands.put("nodes", NodesCommand::new);
        commands.put("export", ExportCommand::new);
        // run prints batches to a PrintStream, as Spark's console sink does to System.out.
        commands.put("run", () -> new RunCommand(out, clock));
        String named = args.length > 0 ? args[0] : "";
        boolean known = commands.containsKey(named);
        commands.forEach((name, command) -> {
            if (!known || name.equals(named)) {
                commandLine.addSubcommand(name, command.get());
            }
        });
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            err.println("internal error: " + e + "; run with --verbose for details");
            return ExitCode.INTERNAL_ERROR;
        });
        // Usage mistakes are the user's, like an invalid pipeline.
        commandLine.setParameterExceptionHandler((e, parsedArgs) -> {
            err.println("error: " + e.getMessage());
            e.getCommandLine().usage(err);
            return ExitCode.INVALID_PIPELINE;
        });
        return commandLine.execute(args);
    }

    /** Lifecycle logging is for the workbench's log file; on a terminal only warnings belong next to the output. */
    private static void quietLogging(boolean verbose) {
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        java.util.logging.Level level = verbose ? java.util.logging.Level.INFO : java.util.logging.Level.WARNING;
        root.setLevel(level);
        for (java.util.logging.Handler handler : root.getHandlers()) {
            handler.setLevel(level);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
