package sluice.app.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The example pipelines of {@code sample-data/pipelines}, looked up from the working directory: the repository root
 * ({@code sample-data}) or a module folder ({@code ../sample-data}), so they are found from either. Stateless.
 */
public final class Examples {
    static final String SUFFIX = ".sluice.json";

    private Examples() {
    }

    /** The examples folder seen from {@code workingDir}, if there is one. */
    public static Optional<Path> folder(Path workingDir) {
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
