package sluice.engine.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes the repository's {@code sample-data/} directory: daily stock prices as CSV and log messages as JSON lines.
 *
 * <p>Run it after changing anything in this package, then commit the files; {@code SampleDataTest} fails while the
 * committed files differ from what this writes. Output depends only on the code: fixed seeds, no clock, no default
 * locale, files and rows in a fixed order, {@code \n} line ends and UTF-8 everywhere.
 */
public final class StockDataGenerator {
    private static final System.Logger LOG = System.getLogger(StockDataGenerator.class.getName());

    static final List<Integer> YEARS = List.of(2015, 2016, 2017);

    private StockDataGenerator() {
    }

    /** Takes the repository root (default {@code .}) and writes {@code sample-data/stocks} and {@code json}. */
    public static void main(String[] args) throws IOException {
        Path sampleData = Path.of(args.length > 0 ? args[0] : ".").resolve("sample-data");
        int files = write(sampleData);
        LOG.log(System.Logger.Level.INFO, "wrote {0} files under {1}", files, sampleData.toAbsolutePath().normalize());
    }

    /** Writes {@code stocks/} and {@code json/} under {@code sampleData} and returns how many files it wrote. */
    static int write(Path sampleData) throws IOException {
        return writeStocks(sampleData.resolve("stocks")) + writeJson(sampleData.resolve("json"));
    }

    private static int writeStocks(Path dir) throws IOException {
        Files.createDirectories(dir);
        int files = 0;
        for (Ticker ticker : Ticker.values()) {
            // One walk per symbol across all years, so each year opens near where the previous one closed.
            PriceWalk walk = new PriceWalk(ticker);
            for (int year : YEARS) {
                StringBuilder csv = new StringBuilder(DailyBar.CSV_HEADER).append('\n');
                for (LocalDate day : TradingCalendar.tradingDays(year)) {
                    csv.append(walk.next(day).toCsvLine(ticker.name())).append('\n');
                }
                writeUtf8(dir.resolve(ticker.name() + "_" + year + ".csv"), csv);
                files++;
            }
        }
        return files;
    }

    private static int writeJson(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < LogMessages.FILES.size(); i++) {
            StringBuilder json = new StringBuilder();
            for (String message : LogMessages.messages(i)) {
                json.append(LogMessages.toJsonLine(message)).append('\n');
            }
            writeUtf8(dir.resolve(LogMessages.FILES.get(i) + ".json"), json);
        }
        return LogMessages.FILES.size();
    }

    private static void writeUtf8(Path file, CharSequence text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
