package sluice.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The limit we measure ourselves against: the benchmark's query (change = Close - Open, keep rising rows) written
 * by hand as one pass over the lines of every file, with no engine at all: on one thread, or on all cores with one
 * file per thread (a pool of as many threads as there are cores).
 */
final class PlainLoop {
    private PlainLoop() {
    }

    /** Rows read and rows kept. */
    record Counts(long rows, long kept) {
        Counts plus(Counts other) {
            return new Counts(rows + other.rows, kept + other.kept);
        }
    }

    /** Every file of {@code dir} in name order, on the calling thread. */
    static Counts run(Path dir) throws IOException {
        Counts total = new Counts(0, 0);
        for (Path file : files(dir)) {
            total = total.plus(file(file));
        }
        return total;
    }

    /** Every file of {@code dir}, one file per task on a pool of {@code availableProcessors} threads. */
    static Counts runOnAllCores(Path dir) throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<Future<Counts>> tasks = new ArrayList<>();
            for (Path file : files(dir)) {
                tasks.add(pool.submit(() -> file(file)));
            }
            Counts total = new Counts(0, 0);
            for (Future<Counts> task : tasks) {
                total = total.plus(task.get());
            }
            return total;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof UncheckedIOException io ? io.getCause() : new IOException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.sorted().toList();
        }
    }

    private static Counts file(Path file) {
        long rows = 0;
        long kept = 0;
        double checksum = 0;
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (Double.isNaN(checksum)) {
            throw new IllegalStateException("keeps the JIT from dropping the arithmetic");
        }
        return new Counts(rows, kept);
    }
}
