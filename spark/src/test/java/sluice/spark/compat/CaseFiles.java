package sluice.spark.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies case folders to a temporary folder and gives the files of each folder modification times in name order,
 * ten seconds apart: both engines order new files by modification time, and a checkout or a build copy leaves
 * times that tie or follow the copy order.
 */
public final class CaseFiles {
    public static final Instant FIRST_FILE_TIME = Instant.parse("2024-01-01T00:00:00Z");

    private CaseFiles() {
    }

    public static Path resource(String name) {
        try {
            return Path.of(CaseFiles.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of {@code source} (a folder) with ordered modification times. */
    public static Path copy(Path source, String prefix) {
        try {
            Path target = Files.createTempDirectory(prefix);
            try (Stream<Path> all = Files.walk(source)) {
                for (Path from : all.sorted().toList()) {
                    Path to = target.resolve(source.relativize(from).toString());
                    if (Files.isDirectory(from)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(from, to);
                    }
                }
            }
            orderTimes(target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void orderTimes(Path folder) throws IOException {
        List<Path> entries;
        try (Stream<Path> list = Files.list(folder)) {
            entries = list.sorted().toList();
        }
        int index = 0;
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                orderTimes(entry);
            } else {
                Files.setLastModifiedTime(entry, FileTime.from(FIRST_FILE_TIME.plusSeconds(10L * index++)));
            }
        }
    }
}
