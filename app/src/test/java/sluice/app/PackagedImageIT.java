package sluice.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installable app image that the package phase makes ({@code target/dist/Sluice}, by
 * {@code src/dist/build-image.sh}): its layout, its command-line launcher on the examples it ships, its class-data
 * archive, and its workbench launcher opening the window. Runs after the package phase (failsafe) wherever the JDK
 * has jpackage and its jmods; the workbench needs a display or Xvfb.
 */
class PackagedImageIT {
    private static final Path IMAGE = Path.of("target", "dist", "Sluice").toAbsolutePath();
    private static final Path APP = IMAGE.resolve("lib/app");
    private static final Path STOCKS = APP.resolve("sample-data/pipelines/stocks-replay.sluice.json");
    private static final long LIMIT_SECONDS = 120;

    @TempDir
    Path temp;

    @Test
    void imageHoldsBothLaunchersItsRuntimeWithJavaFxsLibrariesTheExamplesAndTheArchive() {
        assertThat(IMAGE.resolve("bin/Sluice")).isExecutable();
        assertThat(IMAGE.resolve("bin/sluice")).isExecutable();
        assertThat(IMAGE.resolve("lib/runtime/bin/java")).isExecutable();
        assertThat(IMAGE.resolve("lib/runtime/lib/libglass.so")).isRegularFile();
        assertThat(IMAGE.resolve("lib/runtime/lib/libglassgtk3.so")).isRegularFile();
        assertThat(IMAGE.resolve("lib/runtime/lib/libprism_sw.so")).isRegularFile();
        assertThat(APP.resolve("sluice-app.jar")).isRegularFile();
        assertThat(APP.resolve("sluice-engine.jar")).isRegularFile();
        assertThat(APP.resolve("sample-data/stocks/AAPL_2015.csv")).isRegularFile();
        assertThat(STOCKS).isRegularFile();
        assertThat(APP.resolve("sluice.jsa")).isRegularFile();
        assertThat(APP.resolve("sluice-workbench.jsa")).isRegularFile();
        assertThat(IMAGE.resolve("lib/make-cds-archive.sh")).isExecutable();
    }

    @Test
    void runtimeHasJavaFxAndOnlyTheJdkModulesTheAppUses() throws Exception {
        Result modules = run(List.of(IMAGE.resolve("lib/runtime/bin/java").toString(), "--list-modules"), Map.of());

        assertThat(modules.stdout().lines().map(line -> line.substring(0, line.indexOf('@'))))
                .contains("javafx.base", "javafx.controls", "javafx.fxml", "javafx.graphics", "java.logging",
                        "java.prefs", "java.sql", "java.security.sasl")
                .doesNotContain("java.compiler", "jdk.compiler", "jdk.jlink", "javafx.web");
    }

    @Test
    void workbenchLauncherOpensTheStocksExampleAndBothLaunchersMapTheArchive() throws IOException {
        List<String> workbench = Files.readAllLines(APP.resolve("Sluice.cfg"));
        List<String> commandLine = Files.readAllLines(APP.resolve("sluice.cfg"));

        assertThat(workbench).contains("app.mainclass=sluice.app.Launcher",
                "java-options=-XX:SharedArchiveFile=$APPDIR/sluice-workbench.jsa",
                "java-options=-Dsluice.examples=$APPDIR/sample-data/pipelines",
                "java-options=-XX:+UseZGC", "java-options=-XX:SoftMaxHeapSize=512m",
                "arguments=--open", "arguments=$APPDIR/sample-data/pipelines/stocks-replay.sluice.json");
        assertThat(commandLine).contains("app.mainclass=sluice.engine.cli.Main",
                "java-options=-XX:SharedArchiveFile=$APPDIR/sluice.jsa");
        // Both map their archive where it was made, not at a random address after patching it (see build-image.sh).
        assertThat(workbench).contains("java-options=-XX:+UnlockDiagnosticVMOptions",
                "java-options=-XX:ArchiveRelocationMode=0");
        assertThat(commandLine).contains("java-options=-XX:+UnlockDiagnosticVMOptions",
                "java-options=-XX:ArchiveRelocationMode=0");
        assertThat(commandLine).noneMatch(line -> line.startsWith("arguments="));
        // A batch run wants throughput: only the window runs ZGC for short pauses.
        assertThat(commandLine).noneMatch(line -> line.contains("ZGC") || line.contains("SoftMaxHeapSize"));
    }

    @Test
    void sluiceValidatesAnExample() throws Exception {
        Result result = sluice("validate", STOCKS.toString());

        assertThat(result.exit()).isZero();
        assertThat(result.stdout()).isEqualTo(STOCKS + ": valid (5 nodes)\n");
    }

    @Test
    void sluiceMapsTheClassDataArchive() throws Exception {
        // With -Xshare:on a JVM that cannot map the archive, or whose class path differs from the archive's, fails.
        Result result = run(List.of(IMAGE.resolve("bin/sluice").toString(), "validate", STOCKS.toString()),
                Map.of("JAVA_TOOL_OPTIONS", "-Xshare:on"));

        assertThat(result.exit()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo(STOCKS + ": valid (5 nodes)\n");
    }

    @Test
    void sluiceRunsAnExampleExactlyAsTheEngineJarDoes() throws Exception {
        Path engineJar = Path.of("..", "engine", "target", "sluice-engine.jar").toAbsolutePath().normalize();
        List<String> arguments = List.of("run", STOCKS.toString(), "--trigger", "available-now");

        Result packaged = sluice(arguments.toArray(String[]::new));
        List<String> jar = new ArrayList<>(List.of(javaOfThisBuild(), "-jar", engineJar.toString()));
        jar.addAll(arguments);
        Result expected = run(jar, Map.of());

        assertThat(packaged.exit()).isZero();
        assertThat(packaged.stdout()).startsWith("-------------------------------------------\nBatch: 0\n")
                .contains("Batch: 11\n").isEqualTo(expected.stdout());
    }

    @Test
    void sluiceRefusesAnInvalidPipelineWithExitCode2() throws Exception {
        Path pipeline = Files.writeString(temp.resolve("bad.sluice.json"), """
                {"format": "sluice/1", "name": "bad", "nodes": [{"id": "a", "type": "source.nothing"}]}
                """);

        Result result = sluice("validate", pipeline.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.stderr()).startsWith(pipeline + ": a / type: unknown node type 'source.nothing'\n");
    }

    @Test
    void workbenchLauncherShowsItsWindow() throws Exception {
        try (XDisplay display = XDisplay.start()) {
            ProcessBuilder builder = new ProcessBuilder(IMAGE.resolve("bin/Sluice").toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("DISPLAY", display.name());
            // Recent files and the theme go to a temporary folder, not the user's preferences. With -Xshare:on the
            // JVM fails unless it maps the workbench's own archive (made under ZGC, as the launcher runs).
            builder.environment().put("JAVA_TOOL_OPTIONS", "-Xshare:on -Djava.util.prefs.userRoot=" + temp);
            Process workbench = builder.start();
            try {
                String shown = firstLineContaining(workbench, "window shown");

                assertThat(shown).matches(".*window shown \\d+ ms after the process started");
            } finally {
                workbench.destroy();
                workbench.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS);
            }
        }
    }

    private static String firstLineContaining(Process process, String text) throws Exception {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader errors = new BufferedReader(
                    new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                List<String> seen = new ArrayList<>();
                for (String next = errors.readLine(); next != null; next = errors.readLine()) {
                    if (next.contains(text)) {
                        return next;
                    }
                    seen.add(next);
                }
                throw new AssertionError("the workbench ended without '" + text + "':\n" + String.join("\n", seen));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        return line.get(LIMIT_SECONDS, TimeUnit.SECONDS);
    }

    private Result sluice(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(IMAGE.resolve("bin/sluice").toString()));
        command.addAll(List.of(arguments));
        return run(command, Map.of());
    }

    private Result run(List<String> command, Map<String, String> environment) throws Exception {
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end within " + LIMIT_SECONDS + " s");
        }
        // The JVM announces JAVA_TOOL_OPTIONS on standard error; that line is the test's, not the program's.
        String stderr = Files.readString(err).lines().filter(line -> !line.startsWith("Picked up JAVA_TOOL_OPTIONS"))
                .collect(Collectors.joining("\n"));
        return new Result(process.exitValue(), Files.readString(out), stderr);
    }

    private static String javaOfThisBuild() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    /** The display the workbench opens on: the test's own (DISPLAY) if it has one, else a private Xvfb. */
    private record XDisplay(String name, Process server) implements AutoCloseable {
        static XDisplay start() throws Exception {
            String own = System.getenv("DISPLAY");
            if (own != null && !own.isEmpty()) {
                return new XDisplay(own, null);
            }
            Process xvfb;
            try {
                // -displayfd 1: Xvfb picks a free display and writes its number on standard output once it is ready.
                xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1600x1000x24", "-nolisten",
                        "tcp").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                throw new AssertionError("the workbench needs a display: set DISPLAY or install Xvfb"
                        + " (apt-get install xvfb)", e);
            }
            CompletableFuture<String> number = CompletableFuture.supplyAsync(() -> {
                try {
                    return new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.UTF_8))
                            .readLine();
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            String ready = number.get(LIMIT_SECONDS, TimeUnit.SECONDS);
            if (ready == null) {
                throw new AssertionError("Xvfb ended without a display (exit " + xvfb.waitFor() + ")");
            }
            return new XDisplay(":" + ready.trim(), xvfb);
        }

        @Override
        public void close() throws InterruptedException {
            if (server != null) {
                server.destroy();
                server.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS);
            }
        }
    }
}
