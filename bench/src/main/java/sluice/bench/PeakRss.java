package sluice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Waits for a child process while reading its peak resident set size (Linux's {@code VmHWM} in
 * {@code /proc/<pid>/status}) every few milliseconds. The kernel keeps the peak itself, so the last reading before
 * the process ends misses at most what the process grew in its last few milliseconds. Where there is no
 * {@code /proc} the peak reads as -1. Used by the benchmark's single-threaded driver.
 */
final class PeakRss {
    private static final long POLL_MS = 5;

    private PeakRss() {
    }

    /** How a child process ended: its exit code, wall-clock time since {@code startNanos}, and peak RSS in bytes. */
    record Finished(int exit, long wallMs, long peakRssBytes) {
    }

    static Finished waitFor(Process process, long startNanos) throws InterruptedException {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        long peak = -1;
        while (process.isAlive()) {
            peak = Math.max(peak, read(status));
            Thread.sleep(POLL_MS);
        }
        int exit = process.waitFor();
        return new Finished(exit, (System.nanoTime() - startNanos) / 1_000_000, peak);
    }

    /** {@code VmHWM} in bytes, or -1 when the file is gone (the process ended) or has no such line. */
    private static long read(Path status) {
        List<String> lines;
        try {
            lines = Files.readAllLines(status);
        } catch (IOException e) {
            return -1;
        }
        for (String line : lines) {
            if (line.startsWith("VmHWM:")) {
                // "VmHWM:	  123456 kB"
                String kilobytes = line.substring("VmHWM:".length()).replace("kB", "").trim();
                return Long.parseLong(kilobytes) * 1024;
            }
        }
        return -1;
    }

    /** Megabytes for the tables, or "-" when the peak is unknown. */
    static String megabytes(long bytes) {
        return bytes < 0 ? "-" : String.format(java.util.Locale.ROOT, "%,d MB", bytes / (1024 * 1024));
    }
}
