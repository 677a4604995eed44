package sluice.engine.export;

import static java.util.Objects.requireNonNull;

import java.util.List;
import sluice.engine.pipeline.Trigger;

/**
 * A pipeline as Spark calls, independent of the language they are written in: session settings, then one
 * statement per node in topological order, then how the script waits for its queries. Made by {@link
 * ScriptExporter}, rendered by {@link PySparkScript} and {@link ScalaScript}. Comments are single lines of plain
 * text (checked here), so a renderer only puts a comment marker in front of them. {@code packages} are the Maven
 * coordinates the run command needs beyond Spark itself ({@code --packages}), such as Spark's Kafka connector.
 */
public record SparkProgram(String pipelineName, String pipelineFile, String scriptFile, List<String> packages,
                           List<String> notes, List<Setting> settings, List<Statement> statements, Wait ending) {
    public SparkProgram {
        requireNonNull(pipelineName, "pipelineName is null");
        requireNonNull(pipelineFile, "pipelineFile is null");
        requireNonNull(scriptFile, "scriptFile is null");
        packages = List.copyOf(packages);
        packages.forEach(SparkProgram::checkComment);
        notes = List.copyOf(notes);
        notes.forEach(SparkProgram::checkComment);
        checkComment(pipelineName);
        checkComment(pipelineFile);
        checkComment(scriptFile);
        settings = List.copyOf(settings);
        statements = List.copyOf(statements);
        requireNonNull(ending, "ending is null");
    }

    /** {@code --packages a,b } before the script in a run command, or nothing when no package is needed. */
    public String packagesArgument() {
        return packages.isEmpty() ? "" : "--packages " + String.join(",", packages) + " ";
    }

    /** How the script waits: for any query to stop (a query that runs until stopped), or for each to finish. */
    public enum Wait { ANY_TERMINATION, EACH_QUERY }

    /** A session configuration ({@code .config(key, value)} on the builder) and why it is there. */
    public record Setting(String key, String value, String why) {
        public Setting {
            requireNonNull(key, "key is null");
            requireNonNull(value, "value is null");
            checkComment(why);
        }
    }

    /** Where a statement's chain of calls starts. */
    public enum Start {
        /** {@code spark.readStream}. */
        READ_STREAM,
        /** The input's variable. */
        INPUT,
        /** {@code input.writeStream}: the statement's value is a started streaming query. */
        WRITE_STREAM
    }

    /**
     * One node: {@code variable = start.call().call()…}, with comment lines above it. {@code input} is the first
     * input's variable (null for a source).
     */
    public record Statement(String variable, List<String> comments, Start start, String input, List<Call> calls) {
        public Statement {
            requireNonNull(variable, "variable is null");
            comments = List.copyOf(comments);
            comments.forEach(SparkProgram::checkComment);
            requireNonNull(start, "start is null");
            if ((start == Start.READ_STREAM) != (input == null)) {
                throw new IllegalArgumentException("only a readStream statement has no input: " + variable);
            }
            calls = List.copyOf(calls);
        }

        public boolean isQuery() {
            return start == Start.WRITE_STREAM;
        }
    }

    /** One method call of a chain, such as {@code .option("header", "true")}. */
    public record Call(String method, List<Arg> args) {
        public Call {
            requireNonNull(method, "method is null");
            args = List.copyOf(args);
        }

        static Call of(String method, Arg... args) {
            return new Call(method, List.of(args));
        }
    }

    /** An argument: how it is written depends on the language. */
    public sealed interface Arg permits Text, Variable, SqlExpression, TriggerArg {}

    /** A string literal. */
    public record Text(String value) implements Arg {
        public Text {
            requireNonNull(value, "value is null");
        }
    }

    /** Another statement's variable. */
    public record Variable(String name) implements Arg {
        public Variable {
            requireNonNull(name, "name is null");
        }
    }

    /** A Spark SQL expression as a Column: {@code F.expr("…")} in Python, {@code expr("…")} in Scala. */
    public record SqlExpression(String text) implements Arg {
        public SqlExpression {
            requireNonNull(text, "text is null");
        }
    }

    /** A trigger: keyword arguments in Python, a {@code Trigger} object in Scala. Never the manual trigger. */
    public record TriggerArg(Trigger trigger, String interval) implements Arg {
        public TriggerArg {
            requireNonNull(trigger, "trigger is null");
            if (trigger instanceof Trigger.Manual || trigger instanceof Trigger.AsFastAsPossible) {
                throw new IllegalArgumentException("no trigger call for " + trigger);
            }
            if ((trigger instanceof Trigger.ProcessingTime) != (interval != null)) {
                throw new IllegalArgumentException("an interval goes with a processing-time trigger only");
            }
        }
    }

    private static void checkComment(String text) {
        requireNonNull(text, "comment is null");
        if (!CommentText.isClean(text)) {
            throw new IllegalArgumentException("a comment must be one line of printable text: " + text);
        }
    }
}
