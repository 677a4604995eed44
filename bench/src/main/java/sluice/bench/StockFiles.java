package sluice.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;

/** Writes deterministic stock CSV files (header {@code Date,Open,High,Low,Close,Volume,Name}) for the benchmarks. */
final class StockFiles {
    private static final String[] SYMBOLS = {"AAPL", "GOOGL", "AMZN", "MSFT", "NFLX", "IBM", "ORCL", "INTC"};

    private StockFiles() {
    }

    /** {@code files} files of {@code rowsPerFile} rows each, in {@code dir}, modification times one second apart. */
    static void write(Path dir, int files, int rowsPerFile) throws IOException {
        Files.createDirectories(dir);
        SplittableRandom random = new SplittableRandom(42);
        long baseTime = 1_600_000_000_000L;
        for (int f = 0; f < files; f++) {
            Path file = dir.resolve(String.format(Locale.ROOT, "stocks-%04d.csv", f));
            writeFile(file, random, rowsPerFile, Long.MAX_VALUE);
            Files.setLastModifiedTime(file, FileTime.fromMillis(baseTime + f * 1000L));
        }
    }

    /** One file in {@code dir} of at least {@code bytes} bytes (whole rows); returns its number of rows. */
    static long writeOne(Path dir, long bytes) throws IOException {
        Files.createDirectories(dir);
        return writeFile(dir.resolve("stocks.csv"), new SplittableRandom(42), Long.MAX_VALUE, bytes);
    }

    /** Rows until there are {@code rows} of them or the file has {@code bytes} bytes; returns how many. */
    private static long writeFile(Path file, SplittableRandom random, long rows, long bytes) throws IOException {
        long written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            String header = "Date,Open,High,Low,Close,Volume,Name\n";
            out.write(header);
            long size = header.length();
            LocalDate date = LocalDate.of(2000, 1, 3);
            double close = 100;
            for (long r = 0; r < rows && size < bytes; r++) {
                String symbol = SYMBOLS[(int) (r % SYMBOLS.length)];
                double open = close * (1 + (random.nextDouble() - 0.5) * 0.01);
                close = Math.max(1, open * (1 + (random.nextDouble() - 0.5) * 0.04));
                double high = Math.max(open, close) * (1 + random.nextDouble() * 0.01);
                double low = Math.min(open, close) * (1 - random.nextDouble() * 0.01);
                long volume = 1_000_000 + random.nextLong(50_000_000);
                String line = String.format(Locale.ROOT, "%s,%.2f,%.2f,%.2f,%.2f,%d,%s\n",
                        date, open, high, low, close, volume, symbol);
                out.write(line);
                size += line.length();
                written++;
                if (r % SYMBOLS.length == SYMBOLS.length - 1) {
                    date = date.plusDays(1);
                }
            }
        }
        return written;
    }
}
