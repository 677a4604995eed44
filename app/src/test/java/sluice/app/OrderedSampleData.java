package sluice.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of {@code sample-data}, made once per test JVM and deleted when it exits, whose files have modification times
 * ten seconds apart in name order within each folder. The file source takes new files oldest first, so a test that
 * counts on which stock file makes which batch needs that order on every machine: a fresh checkout writes the files in
 * name order, but in a working copy the files a merge or checkout rewrote are newest and come last.
 */
public final class OrderedSampleData {
    private static final Path SAMPLE_DATA = WorkbenchFixture.EXAMPLES.getParent();
    private static final Instant FIRST_FILE_TIME = Instant.parse("2024-01-01T00:00:00Z");
    private static Path copy;

    private OrderedSampleData() {
    }

    /** The example pipeline {@code name} in the copy; its relative paths lead to the copy's folders. */
    public static Path example(String name) {
        return folder().resolve("pipelines").resolve(name + ".sluice.json");
    }

    /**
     * {@code pipeline} (a test resource whose relative paths lead into sample-data) written into the copy's
     * pipelines folder, with those paths leading into the copy.
     */
    public static Path copyOf(Path pipeline) {
        try {
            Path from = pipeline.toAbsolutePath().normalize();
            String toSampleData = from.getParent().relativize(SAMPLE_DATA).toString().replace('\\', '/') + "/";
            String text = Files.readString(from, StandardCharsets.UTF_8).replace(toSampleData, "../");
            return Files.writeString(folder().resolve("pipelines").resolve(from.getFileName()), text,
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized Path folder() {
        if (copy == null) {
            try {
                copy = Files.createTempDirectory("sluice-sample-data-");
                copyOrdered(SAMPLE_DATA, copy);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path made = copy;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(made)));
        }
        return copy;
    }

    private static void copyOrdered(Path from, Path to) throws IOException {
        List<Path> entries;
        try (Stream<Path> list = Files.list(from)) {
            entries = list.sorted().toList();
        }
        int index = 0;
        for (Path entry : entries) {
            Path target = to.resolve(entry.getFileName().toString());
            if (Files.isDirectory(entry)) {
                Files.createDirectories(target);
                copyOrdered(entry, target);
            } else {
                Files.copy(entry, target);
                Files.setLastModifiedTime(target, FileTime.from(FIRST_FILE_TIME.plusSeconds(10L * index++)));
            }
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
