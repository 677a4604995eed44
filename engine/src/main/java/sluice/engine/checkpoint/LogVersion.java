package sluice.engine.checkpoint;

import java.nio.file.Path;

/**
 * The first line of a log file, {@code v1}, checked as Spark's {@code MetadataVersionUtil} checks it: a line that is
 * not {@code v} and a positive number is a damaged file, and a version above the one this engine writes comes from a
 * newer engine that may have changed the format. Stateless.
 */
final class LogVersion {
    private LogVersion() {
    }

    /** The version of {@code line}, at most {@code maxSupported}. */
    static int check(String line, int maxSupported, Path file, LogOwner owner) {
        int version = parse(line, file, owner);
        if (version > maxSupported) {
            throw owner.fail("file '%s' has log version v%d, but Sluice (as Spark 4.1) reads up to v%d; it was written "
                    + "by a newer version", file, version, maxSupported);
        }
        return version;
    }

    /** Checks that {@code line} is exactly version {@code expected}, as Spark's commit log does. */
    static void checkExact(String line, int expected, Path file, LogOwner owner) {
        int version = parse(line, file, owner);
        if (version != expected) {
            throw owner.fail("file '%s' has log version v%d, but only v%d is supported", file, version, expected);
        }
    }

    private static int parse(String line, Path file, LogOwner owner) {
        String text = line.strip();
        int version = 0;
        if (text.length() > 1 && text.length() <= 10 && text.charAt(0) == 'v'
                && text.substring(1).chars().allMatch(c -> c >= '0' && c <= '9')) {
            version = Integer.parseInt(text.substring(1));
        }
        if (version <= 0) {
            throw owner.fail("file '%s' is damaged: its first line should be a log version such as 'v1', not '%s'",
                    file, abbreviated(text));
        }
        return version;
    }

    /** Enough of a damaged line to recognise it, on one line. */
    static String abbreviated(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= 40 ? line : line.substring(0, 37) + "...";
    }
}
