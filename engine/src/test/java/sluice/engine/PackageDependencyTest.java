package sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** STYLE.md section 1 layering, checked on the import lines of every main source file of the engine. */
class PackageDependencyTest {
    private static final Path SOURCES = Path.of("src/main/java/sluice/engine");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);

    /** One import of one file, by the engine's top-level package on each side ("expr" for expr.lex too). */
    private record Dependency(String file, String from, String imported, String to) {
        @Override
        public String toString() {
            return file + " (" + from + ") imports " + imported;
        }
    }

    @Test
    void typesAndDiagImportNoHigherLayer() {
        assertThat(violations(Set.of("types", "diag"), Set.of("expr", "plan", "runtime", "cli", "source", "sink",
                "operator", "checkpoint", "state", "aggregate", "csv"))).isEmpty();
    }

    @Test
    void jsonImportsNothingOfTheEngine() {
        List<Dependency> outside = dependencies().stream()
                .filter(d -> d.from().equals("json") && d.to() != null && !d.to().equals("json"))
                .toList();

        assertThat(outside).isEmpty();
    }

    @Test
    void csvImportsOnlyTypesDiagAndItself() {
        List<Dependency> outside = dependencies().stream()
                .filter(d -> d.from().equals("csv") && d.to() != null)
                .filter(d -> !Set.of("csv", "types", "diag").contains(d.to()))
                .toList();

        assertThat(outside).isEmpty();
    }

    @Test
    void orcImportsOnlyTypesAndItself() {
        List<Dependency> outside = dependencies().stream()
                .filter(d -> d.from().equals("orc") && d.to() != null)
                .filter(d -> !Set.of("orc", "types").contains(d.to()))
                .toList();

        assertThat(outside).isEmpty();
    }

    @Test
    void taskImportsNothingOfTheEngineSoEveryLayerMayCallIt() {
        List<Dependency> outside = dependencies().stream()
                .filter(d -> d.from().equals("task") && d.to() != null && !d.to().equals("task"))
                .toList();

        assertThat(outside).isEmpty();
    }

    @Test
    void exprImportsOnlyTypesDiagAndCsv() {
        List<Dependency> outside = dependencies().stream()
                .filter(d -> d.from().equals("expr") && d.to() != null)
                .filter(d -> !Set.of("expr", "types", "diag", "csv").contains(d.to()))
                .toList();

        assertThat(outside).isEmpty();
    }

    @Test
    void stateImportsOnlyTypesDiagCheckpointAndItself() {
        List<Dependency> outside = dependencies().stream()
                .filter(d -> d.from().equals("state") && d.to() != null)
                .filter(d -> !Set.of("state", "types", "diag", "checkpoint").contains(d.to()))
                .toList();

        assertThat(outside).isEmpty();
    }

    @Test
    void aggregateImportsOnlyExprTypesDiagAndItself() {
        List<Dependency> outside = dependencies().stream()
                .filter(d -> d.from().equals("aggregate") && d.to() != null)
                .filter(d -> !Set.of("aggregate", "expr", "types", "diag").contains(d.to()))
                .toList();

        assertThat(outside).isEmpty();
    }

    @Test
    void sourcesSinksAndOperatorsDoNotImportTheRunnerPlannerOrCli() {
        assertThat(violations(Set.of("source", "sink", "operator"), Set.of("runtime", "plan", "cli"))).isEmpty();
    }

    @Test
    void engineNeverImportsJavaFx() {
        List<Dependency> fx = dependencies().stream().filter(d -> d.imported().startsWith("javafx.")).toList();

        assertThat(fx).isEmpty();
    }

    @Test
    void importScanSeesTheWholeEngine() {
        assertThat(dependencies()).extracting(Dependency::from).contains("expr", "types", "runtime", "source");
    }

    private static List<Dependency> violations(Set<String> from, Set<String> forbidden) {
        return dependencies().stream()
                .filter(d -> d.from() != null && d.to() != null)
                .filter(d -> from.contains(d.from()) && forbidden.contains(d.to()))
                .toList();
    }

    private static List<Dependency> dependencies() {
        List<Dependency> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(file);
                Matcher pkg = PACKAGE.matcher(text);
                String from = pkg.find() ? layer(pkg.group(1)) : null;
                Matcher imports = IMPORT.matcher(text);
                while (imports.find()) {
                    String imported = imports.group(1);
                    all.add(new Dependency(SOURCES.relativize(file).toString(), from, imported, layer(imported)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    /** The engine package right under sluice.engine, or null for anything outside the engine. */
    private static String layer(String name) {
        String prefix = "sluice.engine.";
        if (!name.startsWith(prefix)) {
            return null;
        }
        String rest = name.substring(prefix.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
