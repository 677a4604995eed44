package sluice.engine.export;

import java.util.ArrayList;
import java.util.List;
import sluice.engine.export.SparkProgram.Arg;
import sluice.engine.export.SparkProgram.Call;
import sluice.engine.export.SparkProgram.SqlExpression;
import sluice.engine.export.SparkProgram.Statement;
import sluice.engine.export.SparkProgram.Text;
import sluice.engine.export.SparkProgram.TriggerArg;
import sluice.engine.export.SparkProgram.Variable;
import sluice.engine.pipeline.Trigger;

/**
 * Renders a {@link SparkProgram} as a Scala script for {@code spark-shell -i}: an object with a {@code main} method
 * and one line calling it. Inside the object's braces the shell reads the whole definition at once, so chains of
 * calls may continue on the next line. Stateless.
 */
public final class ScalaScript {
    private static final String OBJECT = "SluiceExport";
    private static final String BODY = "    ";
    private static final String CHAIN = "      ";
    /** UTF-16 units in one piece of a long literal: at 3 bytes each at most, within a class file's 65,535. */
    private static final int CONSTANT_UNITS = 20_000;

    private ScalaScript() {
    }

    public static String render(SparkProgram program) {
        ScriptText out = new ScriptText("//", "  ");
        out.comment(program.pipelineName());
        out.comment("");
        out.comment("Exported by Sluice from " + program.pipelineFile() + ": the same pipeline written with Spark's");
        out.comment("Scala Structured Streaming API (Spark 4, Scala 2.13). Run it with:");
        out.comment("");
        out.comment("    spark-shell " + program.packagesArgument() + "-i " + program.scriptFile());
        out.comment("");
        out.comment("");
        out.comment("The last line calls " + OBJECT + ".main; to spark-submit it instead, compile the object");
        out.comment("into a jar without that line.");
        program.notes().forEach(out::comment);
        out.blank();
        out.line("import org.apache.spark.sql.SparkSession");
        if (uses(program, SqlExpression.class)) {
            out.line("import org.apache.spark.sql.functions.expr");
        }
        if (uses(program, TriggerArg.class)) {
            out.line("import org.apache.spark.sql.streaming.Trigger");
        }
        out.blank();
        out.line("object " + OBJECT + " {");
        out.line("  def main(args: Array[String]): Unit = {");
        out.line(BODY + "val spark = SparkSession.builder");
        out.line(CHAIN + ".appName(" + literal(program.pipelineName()) + ")");
        for (SparkProgram.Setting setting : program.settings()) {
            out.line(CHAIN + "// " + setting.why());
            out.line(CHAIN + ".config(" + literal(setting.key()) + ", " + literal(setting.value()) + ")");
        }
        out.line(CHAIN + ".getOrCreate()");
        for (Statement statement : program.statements()) {
            out.blank();
            statement.comments().forEach(c -> out.comment(BODY, c));
            out.line(BODY + "val " + statement.variable() + " = " + switch (statement.start()) {
                case READ_STREAM -> "spark.readStream";
                case INPUT -> statement.input();
                case WRITE_STREAM -> statement.input() + ".writeStream";
            });
            for (Call call : statement.calls()) {
                out.call(CHAIN, call.method(), call.args().stream().map(ScalaScript::argument).toList());
            }
        }
        out.blank();
        List<String> queries = program.statements().stream().filter(Statement::isQuery).map(Statement::variable)
                .toList();
        switch (program.ending()) {
            case ANY_TERMINATION -> {
                out.comment(BODY, "The queries run until one of them stops or fails (or the job is killed).");
                out.line(BODY + "spark.streams.awaitAnyTermination()");
            }
            case EACH_QUERY -> {
                out.comment(BODY, "The trigger stops each query once its data is processed; wait for all of them.");
                out.line(BODY + "Seq(" + String.join(", ", queries) + ").foreach(_.awaitTermination())");
            }
        }
        out.line("  }");
        out.line("}");
        out.blank();
        out.line(OBJECT + ".main(Array.empty)");
        return out.toString();
    }

    private static boolean uses(SparkProgram program, Class<? extends Arg> kind) {
        return program.statements().stream().flatMap(s -> s.calls().stream()).flatMap(c -> c.args().stream())
                .anyMatch(kind::isInstance);
    }

    private static String argument(Arg arg) {
        if (arg instanceof Text text) {
            return literal(text.value());
        } else if (arg instanceof Variable variable) {
            return variable.name();
        } else if (arg instanceof SqlExpression expression) {
            return "expr(" + literal(expression.text()) + ")";
        } else if (arg instanceof TriggerArg trigger) {
            return trigger(trigger);
        }
        throw new AssertionError(arg);
    }

    private static String trigger(TriggerArg arg) {
        Trigger trigger = arg.trigger();
        if (trigger instanceof Trigger.ProcessingTime) {
            return "Trigger.ProcessingTime(" + literal(arg.interval()) + ")";
        } else if (trigger instanceof Trigger.Once) {
            return "Trigger.Once()";
        } else if (trigger instanceof Trigger.AvailableNow) {
            return "Trigger.AvailableNow()";
        }
        throw new AssertionError(trigger);
    }

    /**
     * A Scala string literal of {@code value}: double quotes, backslash escapes, {@code \}{@code uXXXX} for anything
     * else not printable (Scala 2.13 reads those escapes inside literals only). A value longer than one class-file
     * constant may be is {@code Seq("…", "…").mkString}.
     */
    public static String literal(String value) {
        if (value.length() <= CONSTANT_UNITS) {
            return quoted(value);
        }
        // A class file holds a string constant of at most 65,535 bytes, and scalac folds "a" + "b" into one constant,
        // so a longer text (a very long expression) is joined when the script runs.
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < value.length()) {
            int end = Math.min(start + CONSTANT_UNITS, value.length());
            if (end < value.length() && Character.isHighSurrogate(value.charAt(end - 1))) {
                end--;
            }
            pieces.add(quoted(value.substring(start, end)));
            start = end;
        }
        return "Seq(" + String.join(", ", pieces) + ").mkString";
    }

    private static String quoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        value.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (ScriptText.isPrintable(c)) {
                        out.appendCodePoint(c);
                    } else {
                        for (char unit : Character.toChars(c)) {
                            out.append(String.format("\\u%04x", (int) unit));
                        }
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
