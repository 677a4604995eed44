package sluice.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The cases of files as data lakes keep them: (i) Parquet and (j) ORC ({@link ColumnarCases}), and (k) the restart
 * after 100,000 files ({@link RestartCase}). The whole benchmark runs (i) and (j) after the other cases, and (k) only
 * with {@code --restart} (its setup makes both engines read 100,000 files first); {@code --only} takes one letter or
 * a comma list of them ({@code --only i,j,k}).
 */
final class LakeCases {
    private static final List<String> LETTERS = List.of("i", "j", "k");

    private LakeCases() {
    }

    /** Whether {@code only} names cases of this class alone. */
    static boolean only(String only) {
        return !only.isEmpty() && LETTERS.containsAll(letters(only));
    }

    /**
     * The cases {@code only} names, on the CSV rows of (a) written here; (i) and (j) through {@code launcher} too and
     * Spark beside them when non-null.
     */
    static void run(List<String> sluice, List<String> launcher, Path work, String only, SparkProcess spark)
            throws IOException, InterruptedException {
        List<String> letters = letters(only);
        System.out.printf(Locale.ROOT, "Sluice engine benchmark, %d cores, Java %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        if (letters.contains("i") || letters.contains("j")) {
            Path big = work.resolve("big");
            StockFiles.write(big, 20, 100_000);
            ColumnarCases.run(sluice, launcher, work, big, letters, spark);
        }
        if (letters.contains("k")) {
            RestartCase.run(sluice, work, spark);
        }
    }

    /**
     * After the other cases: (i) and (j) over the CSV rows of (a) in {@code big} (through {@code launcher} too when
     * non-null), and (k) when asked for.
     */
    static void runAll(List<String> sluice, List<String> launcher, Path work, Path big, SparkProcess spark,
            boolean restart) throws IOException, InterruptedException {
        ColumnarCases.run(sluice, launcher, work, big, ColumnarCases.LETTERS, spark);
        if (restart) {
            RestartCase.run(sluice, work, spark);
        }
    }

    private static List<String> letters(String only) {
        return Arrays.stream(only.split(",")).map(String::trim).filter(letter -> !letter.isEmpty()).toList();
    }
}
