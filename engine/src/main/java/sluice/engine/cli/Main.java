package sluice.engine.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;
import sluice.engine.diag.ControlCharacters;
import sluice.engine.diag.Suggestion;

/** {@code sluice}: runs and validates pipeline files without a window. */
@Command(name = "sluice", mixinStandardHelpOptions = true, version = "Sluice 0.1.0",
        description = "Runs Sluice pipelines in micro-batches with Spark Structured Streaming's semantics.")
public final class Main implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    // Read from the arguments before picocli runs (logging is set up first); declared so every subcommand takes it.
    @CommandLine.Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print stack traces of internal errors")
    private boolean verbose;

    public static void main(String[] args) {
        quietLogging(isVerbose(args));
        // A pipeline with a Kafka node has kafka-clients' classes initialized while the arguments are parsed (and one
        // that names Parquet, parquet-mr's).
        if (args.length > 1 && args[0].equals("run")) {
            WarmUps.startFor(Arrays.asList(args).subList(1, args.length));
        }
        System.exit(execute(args, new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err)));
    }

    /**
     * Runs the command line with the given output streams and returns the exit code (for tests). A write to
     * {@code out} that fails makes a command that had succeeded exit 1 with one line on {@code err}.
     */
    public static int execute(String[] args, OutputStream out, OutputStream err) {
        return execute(args, out, err, Clock.systemUTC());
    }

    /** As {@link #execute(String[], OutputStream, OutputStream)}, with the clock pipelines run against (a test's). */
    static int execute(String[] args, OutputStream out, OutputStream err, Clock clock) {
        StandardOutput stdout = new StandardOutput(out);
        PrintStream console = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        PrintWriter errors = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine commandLine = new CommandLine(new Main());
        // picocli reads a command's annotations when it is added, a good part of start-up: a command line that
        // names its command gets only that one; usage, suggestions and mistakes get all of them.
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("validate", ValidateCommand::new);
        commands.put("nodes", NodesCommand::new);
        commands.put("export", ExportCommand::new);
        // run prints batches to a PrintStream, as Spark's console sink does to System.out.
        commands.put("run", () -> new RunCommand(console, stdout, isVerbose(args), clock));
        String named = args.length > 0 ? args[0] : "";
        boolean known = commands.containsKey(named);
        commands.forEach((name, command) -> {
            if (!known || name.equals(named)) {
                commandLine.addSubcommand(name, command.get());
            }
        });
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(console, StandardCharsets.UTF_8), true));
        commandLine.setErr(errors);
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            errors.println("internal error: " + ControlCharacters.escape(e.toString())
                    + "; run with --verbose for details");
            if (isVerbose(args)) {
                e.printStackTrace(errors);
            }
            return ExitCode.INTERNAL_ERROR;
        });
        // Usage mistakes are the user's, like an invalid pipeline: one line, and where to read more.
        commandLine.setParameterExceptionHandler((e, parsedArgs) -> {
            ErrorLine.print(errors, "%s", describe(e));
            return ExitCode.INVALID_PIPELINE;
        });
        int code = commandLine.execute(args);
        commandLine.getOut().flush();
        Optional<String> lost = stdout.failureMessage();
        if (lost.isPresent() && code == ExitCode.OK) {
            ErrorLine.print(errors, "%s", lost.get());
            code = ExitCode.STREAM_FAILED;
        }
        errors.flush();
        return code;
    }

    /**
     * picocli's message, with the option's name in front of a refused value's reason, and after it a suggestion for a
     * misspelt option or command, or else where the usage is.
     */
    private static String describe(ParameterException e) {
        CommandLine.Model.CommandSpec command = e.getCommandLine().getCommandSpec();
        String usage = "; see '" + command.qualifiedName() + " --help'";
        ArgSpec argument = e.getArgSpec();
        if (e.getCause() instanceof TypeConversionException refused && argument != null) {
            String name = argument instanceof OptionSpec option ? option.longestName() : argument.paramLabel();
            return name + " " + refused.getMessage();
        }
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            // '--max-batch=2' is a misspelt '--max-batches' with its value.
            String word = unmatched.getUnmatched().get(0).split("=", 2)[0];
            List<String> known = new ArrayList<>();
            if (word.startsWith("-")) {
                command.options().forEach(option -> known.addAll(List.of(option.names())));
            } else {
                known.addAll(command.subcommands().keySet());
            }
            String suggestion = Suggestion.didYouMean(word, known);
            return e.getMessage() + (suggestion.isEmpty() ? usage : suggestion);
        }
        return e.getMessage() + usage;
    }

    private static boolean isVerbose(String[] args) {
        return Arrays.asList(args).contains("--verbose");
    }

    /** Lifecycle logging is for the workbench's log file; on a terminal only warnings belong next to the output. */
    private static void quietLogging(boolean verbose) {
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        java.util.logging.Level level = verbose ? java.util.logging.Level.INFO : java.util.logging.Level.WARNING;
        root.setLevel(level);
        for (java.util.logging.Handler handler : root.getHandlers()) {
            handler.setLevel(level);
        }
        // kafka-clients warns on every reconnect attempt while a broker is down; the query's own one-line error is
        // what a terminal should show, so its warnings appear with --verbose only.
        KAFKA_CLIENT_LOGS.setLevel(verbose ? java.util.logging.Level.INFO : java.util.logging.Level.SEVERE);
    }

    /** Held here because java.util.logging keeps loggers only weakly, which would drop the level set on it. */
    private static final java.util.logging.Logger KAFKA_CLIENT_LOGS =
            java.util.logging.Logger.getLogger("org.apache.kafka");

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
