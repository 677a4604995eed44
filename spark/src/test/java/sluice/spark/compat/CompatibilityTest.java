package sluice.spark.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The compatibility suite: every case under {@code compat/cases} (a pipeline file and the input files it reads) and
 * the file-based examples in {@code sample-data/pipelines} run on Sluice and on Spark local mode, available-now;
 * the outcomes must agree batch by batch. Expected results are Spark's, never written down.
 */
class CompatibilityTest {
    private static final String SUFFIX = ".sluice.json";

    @TestFactory
    Stream<DynamicTest> casesBehaveAsOnSpark() {
        Path root = CaseFiles.copy(CaseFiles.resource("/compat"), "sluice-compat-");
        return pipelines(root.resolve("cases")).stream().map(pipeline -> DynamicTest.dynamicTest(
                root.resolve("cases").relativize(pipeline).toString().replace(SUFFIX, ""),
                () -> compare(pipeline)));
    }

    @TestFactory
    Stream<DynamicTest> fileExamplesBehaveAsOnSpark() {
        Path sampleData = CaseFiles.copy(Path.of("..", "sample-data").toAbsolutePath().normalize(),
                "sluice-compat-samples-");
        return Stream.of("json-messages", "stocks-replay").map(name -> DynamicTest.dynamicTest(name,
                () -> compare(sampleData.resolve("pipelines").resolve(name + SUFFIX))));
    }

    private static void compare(Path pipeline) {
        Outcome spark = SparkSide.run(pipeline);
        Outcome sluice = SluiceSide.run(pipeline);
        Comparison.assertSame(pipeline.getFileName().toString(), sluice, spark);
    }

    private static List<Path> pipelines(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
