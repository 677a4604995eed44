package sluice.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a main class of this jar as a whole process of its own, the limits the benchmark puts beside Sluice's
 * processes: a first run makes its class-data archive (as the app image's {@code bin/sluice} has one), the timed runs
 * map it. Stateless.
 */
final class ThisJarProcess {
    private ThisJarProcess() {
    }

    /** Runs {@code main} once, untimed, to make the class-data archive {@code archive}. */
    static void train(Class<?> main, Path archive, Path log, String... args) throws IOException, InterruptedException {
        run(main, "-XX:ArchiveClassesAtExit=" + archive, log, args);
    }

    /** The wall time of one process of {@code main} mapping {@code archive}; fails unless it exits with 0. */
    static long timed(Class<?> main, Path archive, Path log, String... args) throws IOException, InterruptedException {
        return run(main, "-XX:SharedArchiveFile=" + archive, log, args);
    }

    private static long run(Class<?> main, String archiveOption, Path log, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), archiveOption, "-cp", jar(), main.getName()));
        command.addAll(List.of(args));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = process.waitFor();
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        if (exit != 0) {
            throw new IllegalStateException(main.getSimpleName() + " failed (exit " + exit + "): "
                    + Files.readString(log));
        }
        return wallMs;
    }

    private static String jar() {
        try {
            return Path.of(ThisJarProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("this jar's location is no path", e);
        }
    }
}
