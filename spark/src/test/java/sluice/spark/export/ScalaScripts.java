package sluice.spark.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import sluice.engine.export.ExportContext;
import sluice.engine.export.ScriptExporter;
import sluice.engine.export.ScriptLanguage;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.PipelineLoader;
import sluice.engine.plan.QueryPlan;

/**
 * Exports a pipeline as a Scala script and compiles it with the Scala compiler Spark 4.1 is built with (2.13.17)
 * against this JVM's classpath, Spark's own jars. The script's last line (spark-shell's call of {@code main}) is left
 * out, as the script says to do for spark-submit; what remains is {@code object SluiceExport}.
 */
final class ScalaScripts {
    static final String OBJECT = "SluiceExport";
    private static final String LAST_LINE = OBJECT + ".main(Array.empty)";

    private ScalaScripts() {
    }

    /** The checked plan of a pipeline file. */
    static QueryPlan plan(Path pipeline) {
        PipelineLoader.Loaded loaded = new PipelineLoader(NodeCatalog.standard()).load(pipeline);
        assertThat(loaded.problems()).as("problems of %s", pipeline).isEmpty();
        return loaded.plan();
    }

    static String export(Path pipeline) {
        return new ScriptExporter(NodeCatalog.standard()).export(plan(pipeline), ScriptLanguage.SCALA,
                ExportContext.forPipelineFile(pipeline, ScriptLanguage.SCALA));
    }

    /** Compiles {@code script} (named {@code name}) into a new folder under {@code work}; the folder. */
    static Path compile(String name, String script, Path work) throws IOException {
        assertThat(script.strip()).endsWith(LAST_LINE);
        Path source = work.resolve(name + ".scala");
        Files.writeString(source, script.strip().substring(0, script.strip().length() - LAST_LINE.length()));
        Path classes = Files.createDirectories(work.resolve(name + "-classes"));

        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        String[] arguments = {"-classpath", classpath(), "-d", classes.toString(), "-nowarn", source.toString()};
        boolean compiled;
        try (PrintStream capture = new PrintStream(messages, true, StandardCharsets.UTF_8)) {
            // scalac's reporter writes to Scala's Console.err, which is System.err unless rebound like this.
            compiled = scala.Console.withErr(capture, new scala.runtime.AbstractFunction0<Boolean>() {
                @Override
                public Boolean apply() {
                    return scala.tools.nsc.Main.process(arguments);
                }
            });
        }
        assertThat(compiled).as("scalac on the %s export:%n%s", name, messages.toString(StandardCharsets.UTF_8))
                .isTrue();
        assertThat(classes.resolve(OBJECT + ".class")).exists();
        return classes;
    }

    /** The test classpath (Spark and Scala's library), however surefire passes it to this JVM. */
    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
