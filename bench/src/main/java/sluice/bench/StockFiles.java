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
    private static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 3);

    private StockFiles() {
    }

    /**
     * {@code files} files of {@code rowsPerFile} rows each, in {@code dir}, modification times one second apart; each
     * file's dates start on 2000-01-03.
     */
    static void write(Path dir, int files, int rowsPerFile) throws IOException {
        write(dir, files, rowsPerFile, false);
    }

    /**
     * As {@link #write}, but each file's dates go on from the previous file's, so event time moves forward batch by
     * batch as a stream's does (a watermark then passes windows and evicts their state).
     */
    static void writeSeries(Path dir, int files, int rowsPerFile) throws IOException {
        write(dir, files, rowsPerFile, true);
    }

    private static void write(Path dir, int files, int rowsPerFile, boolean series) throws IOException {
        Files.createDirectories(dir);
        SplittableRandom random = new SplittableRandom(42);
        long baseTime = 1_600_000_000_000L;
        LocalDate date = FIRST_DAY;
        for (int f = 0; f < files; f++) {
            Path file = dir.resolve(String.format(Locale.ROOT, "stocks-%04d.csv", f));
            date = writeFile(file, random, rowsPerFile, Long.MAX_VALUE, series ? date : FIRST_DAY).nextDay();
            Files.setLastModifiedTime(file, FileTime.fromMillis(baseTime + f * 1000L));
        }
    }

    /** One file in {@code dir} of at least {@code bytes} bytes (whole rows); returns its number of rows. */
    static long writeOne(Path dir, long bytes) throws IOException {
        Files.createDirectories(dir);
        return writeFile(dir.resolve("stocks.csv"), new SplittableRandom(42), Long.MAX_VALUE, bytes, FIRST_DAY)
                .rows();
    }

    /** What a file got: its number of rows, and the day its next row would have had. */
    private record Written(long rows, LocalDate nextDay) {
    }

    /**
     * Rows from {@code first} on, eight symbols a day, until there are {@code rows} of them or the file has
     * {@code bytes} bytes.
     */
    private static Written writeFile(Path file, SplittableRandom random, long rows, long bytes, LocalDate first)
            throws IOException {
        long written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            String header = "Date,Open,High,Low,Close,Volume,Name\n";
            out.write(header);
            long size = header.length();
            LocalDate date = first;
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
            return new Written(written, date);
        }
    }
}
