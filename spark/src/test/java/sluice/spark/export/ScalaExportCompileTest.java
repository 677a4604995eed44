package sluice.spark.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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

/**
 * Every example's Scala export compiles against Spark 4.1's own API with the Scala compiler Spark is built with, so
 * a script that reads well but calls a method Spark does not have cannot slip through.
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
                () -> ScalaScripts.compile(example.getFileName().toString().replace(".sluice.json", ""),
                        ScalaScripts.export(example), work)));
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
        ScalaScripts.compile("long-expression", ScalaScripts.export(pipeline), work);
    }

    @Test
    void aggregationsCompile() throws IOException {
        Path pipeline = work.resolve("aggregations.sluice.json");
        Files.writeString(pipeline, """
                {"format": "sluice/1", "name": "aggregations", "nodes": [
                  {"id": "rate", "type": "source.rate"},
                  {"id": "per-key", "type": "transform.aggregate", "inputs": ["rate"],
                   "options": {"groupBy": ["value % 3 AS key"], "aggregations": ["count(*)", "avg(value) AS a"]}},
                  {"id": "all", "type": "transform.aggregate", "inputs": ["rate"],
                   "options": {"aggregations": ["max(value)"]}},
                  {"id": "out", "type": "sink.console", "inputs": ["per-key"], "options": {"outputMode": "complete"}},
                  {"id": "total", "type": "sink.console", "inputs": ["all"], "options": {"outputMode": "update"}}]}
                """);

        ScalaScripts.compile("aggregations", ScalaScripts.export(pipeline), work);
    }
}
