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
 *
 * <p>For a local run of a few cases, {@code -Dsluice.compat.only=expr/pmod,expr/generated-names} keeps the cases
 * whose name (group/name, or an example's name) contains one of the comma-separated parts; unset, all cases run.
 */
class CompatibilityTest {
    private static final String SUFFIX = ".sluice.json";
    private static final List<String> ONLY = Stream.of(System.getProperty("sluice.compat.only", "").split(","))
            .map(String::strip).filter(part -> !part.isEmpty()).toList();

    @TestFactory
    Stream<DynamicTest> casesBehaveAsOnSpark() {
        Path root = CaseFiles.copy(CaseFiles.resource("/compat"), "sluice-compat-");
        Path cases = root.resolve("cases");
        return pipelines(cases).stream()
                .filter(pipeline -> isSelected(cases.relativize(pipeline).toString().replace(SUFFIX, "")))
                .map(pipeline -> DynamicTest.dynamicTest(cases.relativize(pipeline).toString().replace(SUFFIX, ""),
                        () -> compare(pipeline)));
    }

    @TestFactory
    Stream<DynamicTest> fileExamplesBehaveAsOnSpark() {
        Path sampleData = CaseFiles.copy(Path.of("..", "sample-data").toAbsolutePath().normalize(),
                "sluice-compat-samples-");
        return Stream.of("json-messages", "stocks-replay", "stocks-monthly", "stocks-parquet", "stocks-sectors",
                        "stocks-trading-weeks")
                .filter(CompatibilityTest::isSelected)
                .map(name -> DynamicTest.dynamicTest(name,
                        () -> compare(sampleData.resolve("pipelines").resolve(name + SUFFIX))));
    }

    private static boolean isSelected(String name) {
        return ONLY.isEmpty() || ONLY.stream().anyMatch(name::contains);
    }

    private static void compare(Path pipeline) {
        Differential.assertSameOnBothEngines(pipeline);
    }

    private static List<Path> pipelines(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
