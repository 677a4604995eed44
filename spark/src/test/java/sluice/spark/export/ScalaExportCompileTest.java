package sluice.spark.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.export.ExportContext;
import sluice.engine.export.ScriptExporter;
import sluice.engine.export.ScriptLanguage;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.PipelineLoader;

/**
 * Every example's Scala export compiles against Spark 4.1's own API with the Scala compiler Spark is built with, so
 * a script that reads well but calls a method Spark does not have cannot slip through. The script's last line
 * (spark-shell's call of {@code main}) is left out, as the script says to do for spark-submit.
 */
class ScalaExportCompileTest {
    private static final Path EXAMPLES = Path.of("..", "sample-data", "pipelines").toAbsolutePath().normalize();

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> everyExampleCompilesAgainstSpark() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            examples = files.filter(f -> f.getFileName().toString().endsWith(".sluice.json")).sorted().toList();
        }
        assertThat(examples).isNotEmpty();
        return examples.stream().map(example -> DynamicTest.dynamicTest(example.getFileName().toString(),
                () -> assertCompiles(example)));
    }

    // A class file holds string constants of at most 65,535 bytes; the export must not make one longer.
    @Test
    void anExpressionLongerThanAClassFileConstantCompiles() throws IOException {
        String list = IntStream.range(0, 15_000).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        Path pipeline = work.resolve("long-expression.sluice.json");
        Files.writeString(pipeline, """
                {"format": "sluice/1", "name": "long expression", "nodes": [
                  {"id": "rate", "type": "source.rate"},
                  {"id": "select", "type": "transform.select", "inputs": ["rate"],
                   "options": {"expressions": ["value IN (%s) AS listed"]}},
                  {"id": "out", "type": "sink.noop", "inputs": ["select"]}]}
                """.formatted(list));

        assertThat(list.length()).isGreaterThan(65_535);
        assertCompiles(pipeline);
    }

    private void assertCompiles(Path example) throws IOException {
        String name = example.getFileName().toString().replace(".sluice.json", "");
        String script = exportScala(example);
        String lastLine = "SluiceExport.main(Array.empty)";
        assertThat(script.strip()).endsWith(lastLine);
        Path source = work.resolve(name + ".scala");
        Files.writeString(source, script.strip().substring(0, script.strip().length() - lastLine.length()));
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
        assertThat(classes.resolve("SluiceExport.class")).exists();
    }

    private static String exportScala(Path example) {
        PipelineLoader.Loaded loaded = new PipelineLoader(NodeCatalog.standard()).load(example);
        assertThat(loaded.problems()).as("problems of %s", example).isEmpty();
        return new ScriptExporter(NodeCatalog.standard()).export(loaded.plan(), ScriptLanguage.SCALA,
                ExportContext.forPipelineFile(example, ScriptLanguage.SCALA));
    }

    /** The test classpath (Spark and Scala's library), however surefire passes it to this JVM. */
    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
