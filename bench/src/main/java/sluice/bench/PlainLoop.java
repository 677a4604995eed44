package sluice.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The limit we measure ourselves against: the benchmark's query (change = Close - Open, keep rising rows) written
 * by hand as one pass over the lines of every file on one thread, with no engine at all.
 */
final class PlainLoop {
    private PlainLoop() {
    }

    /** Rows read and rows kept. */
    record Counts(long rows, long kept) {}

    static Counts run(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.sorted().toList();
        }
        long rows = 0;
        long kept = 0;
        double checksum = 0;
        for (Path file : files) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                in.readLine();
                String line;
                while ((line = in.readLine()) != null) {
                    int c1 = line.indexOf(',');
                    int c2 = line.indexOf(',', c1 + 1);
                    int c3 = line.indexOf(',', c2 + 1);
                    int c4 = line.indexOf(',', c3 + 1);
                    int c5 = line.indexOf(',', c4 + 1);
                    double open = Double.parseDouble(line.substring(c1 + 1, c2));
                    double close = Double.parseDouble(line.substring(c4 + 1, c5));
                    double change = close - open;
                    rows++;
                    if (change > 0) {
                        kept++;
                        checksum += change;
                    }
                }
            }
        }
        if (Double.isNaN(checksum)) {
            throw new IllegalStateException("keeps the JIT from dropping the arithmetic");
        }
        return new Counts(rows, kept);
    }
}
