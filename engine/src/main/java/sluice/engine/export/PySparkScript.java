package sluice.engine.export;

import java.util.List;
import sluice.engine.export.SparkProgram.Arg;
import sluice.engine.export.SparkProgram.Call;
import sluice.engine.export.SparkProgram.SqlExpression;
import sluice.engine.export.SparkProgram.Statement;
import sluice.engine.export.SparkProgram.Text;
import sluice.engine.export.SparkProgram.TriggerArg;
import sluice.engine.export.SparkProgram.Variable;
import sluice.engine.pipeline.Trigger;

/** Renders a {@link SparkProgram} as a PySpark script for {@code spark-submit}. Stateless. */
public final class PySparkScript {
    private static final String INDENT = "    ";

    private PySparkScript() {
    }

    public static String render(SparkProgram program) {
        ScriptText out = new ScriptText("#", INDENT);
        out.comment(program.pipelineName());
        out.comment("");
        out.comment("Exported by Sluice from " + program.pipelineFile() + ": the same pipeline written with PySpark's");
        out.comment("Structured Streaming API (Spark 4). Run it with:");
        out.comment("");
        out.comment(INDENT + "spark-submit " + program.packagesArgument() + program.scriptFile());
        out.comment("");
        program.notes().forEach(out::comment);
        out.blank();
        out.line("from pyspark.sql import SparkSession");
        if (usesExpressions(program)) {
            out.line("from pyspark.sql import functions as F");
        }
        out.blank();
        out.line("spark = (");
        out.line(INDENT + "SparkSession.builder");
        out.line(INDENT + ".appName(" + literal(program.pipelineName()) + ")");
        for (SparkProgram.Setting setting : program.settings()) {
            out.line(INDENT + "# " + setting.why());
            out.line(INDENT + ".config(" + literal(setting.key()) + ", " + literal(setting.value()) + ")");
        }
        out.line(INDENT + ".getOrCreate()");
        out.line(")");
        for (Statement statement : program.statements()) {
            out.blank();
            statement.comments().forEach(out::comment);
            out.line(statement.variable() + " = (");
            out.line(INDENT + switch (statement.start()) {
                case READ_STREAM -> "spark.readStream";
                case INPUT -> statement.input();
                case WRITE_STREAM -> statement.input() + ".writeStream";
            });
            for (Call call : statement.calls()) {
                out.call(INDENT, call.method(), call.args().stream().map(PySparkScript::argument).toList());
            }
            out.line(")");
        }
        out.blank();
        List<String> queries = program.statements().stream().filter(Statement::isQuery).map(Statement::variable)
                .toList();
        switch (program.ending()) {
            case ANY_TERMINATION -> {
                out.comment("The queries run until one of them stops or fails (or the job is killed).");
                out.line("spark.streams.awaitAnyTermination()");
            }
            case EACH_QUERY -> {
                out.comment("The trigger stops each query once its data is processed; wait for all of them.");
                out.line("for query in [" + String.join(", ", queries) + "]:");
                out.line(INDENT + "query.awaitTermination()");
            }
        }
        return out.toString();
    }

    private static boolean usesExpressions(SparkProgram program) {
        return program.statements().stream().flatMap(s -> s.calls().stream()).flatMap(c -> c.args().stream())
                .anyMatch(a -> a instanceof SqlExpression);
    }

    private static String argument(Arg arg) {
        if (arg instanceof Text text) {
            return literal(text.value());
        } else if (arg instanceof Variable variable) {
            return variable.name();
        } else if (arg instanceof SqlExpression expression) {
            return "F.expr(" + literal(expression.text()) + ")";
        } else if (arg instanceof TriggerArg trigger) {
            return trigger(trigger);
        }
        throw new AssertionError(arg);
    }

    private static String trigger(TriggerArg arg) {
        Trigger trigger = arg.trigger();
        if (trigger instanceof Trigger.ProcessingTime) {
            return "processingTime=" + literal(arg.interval());
        } else if (trigger instanceof Trigger.Once) {
            return "once=True";
        } else if (trigger instanceof Trigger.AvailableNow) {
            return "availableNow=True";
        }
        throw new AssertionError(trigger);
    }

    /** A Python string literal of {@code value}: double quotes, backslash escapes for anything not printable. */
    public static String literal(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        value.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (!ScriptText.isPrintable(c)) {
                        out.append(c <= 0xFF ? String.format("\\x%02x", c)
                                : c <= 0xFFFF ? String.format("\\u%04x", c) : String.format("\\U%08x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
