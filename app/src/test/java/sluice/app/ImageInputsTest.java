package sluice.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The inputs of the app image's build script, checked in every test run, also where the image is not made (no
 * jpackage, not Linux, {@code -Dsluice.image.skip=true}): a renamed main class, a moved example or a missing resource
 * fails here, before anyone builds the image. {@link PackagedImageIT} checks the image itself.
 */
class ImageInputsTest {
    private static final Path DIST = Path.of("src", "dist");
    private static final Path PIPELINES = Path.of("..", "sample-data", "pipelines");

    @Test
    void mainClassesTheLaunchersNameExist() throws IOException {
        String script = Files.readString(DIST.resolve("build-image.sh"));
        String commandLine = Files.readString(DIST.resolve("sluice-cli.properties"));

        List<String> mainClasses = List.of(
                only(script, "--main-class (\\S+)"),
                only(script, "\ncli=(\\S+)"),
                only(commandLine, "\nmain-class=(\\S+)"));

        assertThat(mainClasses).containsExactly("sluice.app.Launcher", "sluice.engine.cli.Main",
                "sluice.engine.cli.Main");
        for (String name : mainClasses) {
            assertThat(loads(name)).as(name).isTrue();
        }
    }

    @Test
    void filesTheScriptTakesFromItsFolderExist() throws IOException {
        String script = Files.readString(DIST.resolve("build-image.sh"));

        List<String> files = all(script, "\\$here/([\\w./-]+)");

        assertThat(files).contains("sluice.png", "sluice-cli.properties", "make-cds-archive.sh", "deb");
        for (String file : files) {
            assertThat(DIST.resolve(file)).as(file).exists();
        }
        assertThat(DIST.resolve("deb/postinst")).isRegularFile();
        assertThat(DIST.resolve("deb/prerm")).isRegularFile();
        assertThat(DIST.resolve("deb/sluice.desktop")).isRegularFile();
    }

    @Test
    void examplesTheTrainingRunsAndTheWorkbenchLauncherOpenExist() throws IOException {
        String script = Files.readString(DIST.resolve("build-image.sh"));

        List<String> examples = all(script, "(?:\\$pipelines|\\$examples)/([\\w.-]+\\.sluice\\.json)");

        assertThat(examples).contains("stocks-replay.sluice.json", "json-messages.sluice.json");
        for (String example : examples) {
            assertThat(PIPELINES.resolve(example)).as(example).isRegularFile();
        }
    }

    @Test
    void scriptsParse() throws Exception {
        for (String script : List.of("build-image.sh", "make-cds-archive.sh", "startup-times.sh", "deb/postinst",
                "deb/prerm")) {
            Process bash = new ProcessBuilder("bash", "-n", DIST.resolve(script).toString())
                    .redirectErrorStream(true).start();
            String output = new String(bash.getInputStream().readAllBytes());
            assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(bash.exitValue()).as(script + ": " + output).isZero();
        }
    }

    private static boolean loads(String name) {
        try {
            Class.forName(name, false, ImageInputsTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static String only(String text, String regex) {
        List<String> found = all(text, regex);
        assertThat(found).as(regex).hasSize(1);
        return found.get(0);
    }

    private static List<String> all(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found.stream().distinct().toList();
    }
}
