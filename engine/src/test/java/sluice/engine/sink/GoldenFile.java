package sluice.engine.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares text with {@code src/test/resources/golden/<Test>/<case>.txt}; with {@code -Dsluice.golden.update=true} it
 * rewrites the file instead, to be read in the diff.
 */
final class GoldenFile {
    private static final Path ROOT = Path.of("src", "test", "resources", "golden");

    private GoldenFile() {
    }

    static void assertMatches(Class<?> test, String caseName, String actual) {
        Path file = ROOT.resolve(test.getSimpleName()).resolve(caseName + ".txt");
        try {
            if (Boolean.getBoolean("sluice.golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(file).as("golden file %s; regenerate with -Dsluice.golden.update=true", file).exists();
            assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
