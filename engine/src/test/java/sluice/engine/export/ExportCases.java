package sluice.engine.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.PipelineLoader;
import sluice.engine.plan.QueryPlan;

/**
 * The pipelines the export tests use: every example of {@code sample-data/pipelines} and the files of
 * {@code src/test/resources/export}. Each is checked against its real folder, then exported as if the repository
 * sat at {@code /sluice}, so absolute paths in golden files do not depend on the machine.
 */
final class ExportCases {
    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Path EXAMPLES = REPOSITORY.resolve("sample-data/pipelines");
    private static final Path OWN = Path.of("src/test/resources/export").toAbsolutePath();
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    private ExportCases() {
    }

    /** Case names: an example's file name without {@code .sluice.json}. */
    static Stream<String> names() {
        List<String> names = new ArrayList<>();
        for (Path folder : List.of(EXAMPLES, OWN)) {
            try (Stream<Path> files = Files.list(folder)) {
                files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".sluice.json"))
                        .map(n -> n.substring(0, n.length() - ".sluice.json".length())).sorted()
                        .forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names.stream();
    }

    static Path file(String name) {
        Path example = EXAMPLES.resolve(name + ".sluice.json");
        return Files.exists(example) ? example : OWN.resolve(name + ".sluice.json");
    }

    static QueryPlan plan(Path file) {
        PipelineLoader.Loaded loaded = new PipelineLoader(NodeCatalog.standard()).load(file);
        assertThat(loaded.problems()).as("problems of %s", file).isEmpty();
        return loaded.plan();
    }

    /** The script of case {@code name}, with the repository seen at {@code /sluice}. */
    static String script(String name, ScriptLanguage language) {
        Path file = file(name);
        Path folder = Path.of("/sluice").resolve(REPOSITORY.relativize(file.getParent()).toString());
        ExportContext context = new ExportContext(folder, file.getFileName().toString(),
                ExportContext.scriptName(file.getFileName().toString(), language));
        return new ScriptExporter(NodeCatalog.standard()).export(plan(file), language, context);
    }

    /**
     * Compares with {@code golden/<Test>/<case><extension>}; with {@code -Dsluice.golden.update=true} rewrites it
     * instead, to be read in the diff.
     */
    static void assertGolden(Class<?> test, String caseName, ScriptLanguage language, String actual) {
        Path golden = GOLDEN.resolve(test.getSimpleName()).resolve(caseName + language.extension());
        try {
            if (Boolean.getBoolean("sluice.golden.update")) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(golden).as("golden file %s; regenerate with -Dsluice.golden.update=true", golden).exists();
            assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
