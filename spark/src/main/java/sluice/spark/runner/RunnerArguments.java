package sluice.spark.runner;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import sluice.engine.pipeline.Trigger;
import sluice.engine.pipeline.TriggerText;

/**
 * The runner's command line, as {@code sluice run}'s: {@code PIPELINE [--trigger T] [--max-batches N]}. The trigger
 * is null when the file's trigger applies; maxBatches 0 means no limit.
 */
record RunnerArguments(Path pipeline, Trigger trigger, long maxBatches) {
    static final String USAGE = "usage: SparkRunner PIPELINE [--trigger once|available-now|\"<interval>\"] "
            + "[--max-batches N]";

    RunnerArguments {
        requireNonNull(pipeline, "pipeline is null");
    }

    /** The arguments, or the one-line error to show above the usage. */
    static Parsed parse(List<String> args) {
        Path pipeline = null;
        Trigger trigger = null;
        long maxBatches = 0;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--trigger") || arg.equals("--max-batches")) {
                if (i + 1 >= args.size()) {
                    return Parsed.error("missing value after '" + arg + "'");
                }
                String value = args.get(++i);
                if (arg.equals("--trigger")) {
                    Optional<Trigger> parsed = TriggerText.parse(value);
                    if (parsed.isEmpty()) {
                        return Parsed.error("--trigger '" + value
                                + "' must be once, available-now or an interval such as '1 second'");
                    }
                    trigger = parsed.get();
                } else {
                    try {
                        maxBatches = Long.parseLong(value.trim());
                    } catch (NumberFormatException e) {
                        maxBatches = -1;
                    }
                    if (maxBatches < 0) {
                        return Parsed.error("--max-batches must be a whole number of at least 0, not '" + value + "'");
                    }
                }
            } else if (arg.startsWith("--") || pipeline != null) {
                return Parsed.error("unexpected argument '" + arg + "'");
            } else {
                pipeline = Path.of(arg);
            }
        }
        if (pipeline == null) {
            return Parsed.error("missing PIPELINE");
        }
        return new Parsed(new RunnerArguments(pipeline, trigger, maxBatches), null);
    }

    /** Either arguments or an error message. */
    record Parsed(RunnerArguments arguments, String error) {
        static Parsed error(String message) {
            return new Parsed(null, message);
        }
    }
}
