package sluice.app.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The example pipelines of {@code sample-data/pipelines}: the folder the system property {@code sluice.examples}
 * names (the packaged launcher sets it to the image's copy), or else the one seen from the working directory, the
 * repository root ({@code sample-data}) or a module folder ({@code ../sample-data}). Stateless.
 */
public final class Examples {
    static final String SUFFIX = ".sluice.json";

    private Examples() {
    }

    /** The examples folder: {@code sluice.examples} if it names one, else the one seen from {@code workingDir}. */
    public static Optional<Path> folder(Path workingDir) {
        return folder(workingDir, System.getProperty("sluice.examples"));
    }

    static Optional<Path> folder(Path workingDir, String configured) {
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Optional.of(Path.of(configured).toAbsolutePath().normalize());
        }
        for (String candidate : List.of("sample-data", "../sample-data")) {
            Path folder = workingDir.resolve(candidate).resolve("pipelines").normalize();
            if (Files.isDirectory(folder)) {
                return Optional.of(folder.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    /** Every {@code *.sluice.json} of the examples folder, by file name; none when there is no folder. */
    public static List<Path> list(Path workingDir) {
        Optional<Path> folder = folder(workingDir);
        if (folder.isEmpty()) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder.get())) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code stocks-replay} for {@code stocks-replay.sluice.json}. */
    public static String title(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
    }
}
