package sluice.engine.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataTest {
    /** Maven runs the engine's tests with the module directory as working directory. */
    private static final Path COMMITTED = Path.of("..", "sample-data");

    @TempDir
    Path generated;

    @Test
    void committedSampleDataIsByteIdenticalToGeneratorOutput() throws IOException {
        StockDataGenerator.write(generated);

        for (String dir : List.of("stocks", "json")) {
            assertThat(fileNames(COMMITTED.resolve(dir))).as("files in sample-data/%s", dir)
                    .isEqualTo(fileNames(generated.resolve(dir)));
            for (String name : fileNames(generated.resolve(dir))) {
                assertThat(COMMITTED.resolve(dir).resolve(name))
                        .as("sample-data/%s/%s differs from the generator; rerun StockDataGenerator", dir, name)
                        .hasSameBinaryContentAs(generated.resolve(dir).resolve(name));
            }
        }
    }

    @Test
    void generatorWritesOneStockFilePerSymbolAndYear() throws IOException {
        StockDataGenerator.write(generated);

        assertThat(fileNames(generated.resolve("stocks"))).hasSize(12).containsExactly(
                "AAPL_2015.csv", "AAPL_2016.csv", "AAPL_2017.csv", "AMZN_2015.csv", "AMZN_2016.csv", "AMZN_2017.csv",
                "GOOGL_2015.csv", "GOOGL_2016.csv", "GOOGL_2017.csv", "MSFT_2015.csv", "MSFT_2016.csv",
                "MSFT_2017.csv");
    }

    @Test
    void everyStockFileHasTheHeaderAndItsSymbolInEveryRow() throws IOException {
        StockDataGenerator.write(generated);

        for (String name : fileNames(generated.resolve("stocks"))) {
            List<String> lines = lines(generated.resolve("stocks").resolve(name));
            String symbol = name.substring(0, name.indexOf('_'));
            assertThat(lines.get(0)).as(name).isEqualTo("Date,Open,High,Low,Close,Volume,Name");
            assertThat(lines.subList(1, lines.size())).as(name)
                    .allSatisfy(line -> assertThat(line).endsWith("," + symbol));
        }
    }

    @Test
    void barsHaveHighAboveAndLowBelowOpenAndCloseWithPositivePricesAndVolume() throws IOException {
        StockDataGenerator.write(generated);

        for (Bar bar : allBars()) {
            assertThat(bar.high()).as("%s", bar).isGreaterThanOrEqualTo(bar.open().max(bar.close()));
            assertThat(bar.low()).as("%s", bar).isLessThanOrEqualTo(bar.open().min(bar.close()))
                    .isGreaterThan(BigDecimal.ZERO);
            assertThat(bar.close().scale()).as("%s", bar).isEqualTo(2);
            assertThat(bar.volume()).as("%s", bar).isBetween(100_000L, 1_000_000_000L);
        }
    }

    @Test
    void rowsAreAscendingWeekdaysOfTheFileYearWithoutNewYearOrChristmas() throws IOException {
        StockDataGenerator.write(generated);

        for (String name : fileNames(generated.resolve("stocks"))) {
            int year = Integer.parseInt(name.substring(name.indexOf('_') + 1, name.indexOf('.')));
            List<LocalDate> dates = bars(name).stream().map(Bar::date).toList();
            assertThat(dates).as(name).isSorted().doesNotHaveDuplicates().hasSizeBetween(250, 253)
                    .allSatisfy(date -> assertThat(TradingCalendar.isWeekday(date)).as("%s", date).isTrue())
                    .allSatisfy(date -> assertThat(date.getYear()).isEqualTo(year))
                    .doesNotContain(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 25));
        }
    }

    @Test
    void eachYearOpensNearThePreviousYearsClose() throws IOException {
        StockDataGenerator.write(generated);

        for (Ticker ticker : Ticker.values()) {
            for (int year : List.of(2016, 2017)) {
                List<Bar> previous = bars(ticker + "_" + (year - 1) + ".csv");
                Bar lastClose = previous.get(previous.size() - 1);
                Bar firstOpen = bars(ticker + "_" + year + ".csv").get(0);
                double gap = firstOpen.open().doubleValue() / lastClose.close().doubleValue();
                assertThat(gap).as("%s %d", ticker, year).isBetween(0.95, 1.05);
            }
        }
    }

    @Test
    void jsonFilesHoldMessageLinesWithMixedCaseAndOneNonAsciiMessage() throws IOException {
        StockDataGenerator.write(generated);
        ObjectMapper mapper = new ObjectMapper();

        List<String> messages = new ArrayList<>();
        for (String name : List.of("a.json", "b.json", "c.json")) {
            List<String> lines = lines(generated.resolve("json").resolve(name));
            assertThat(lines).as(name).hasSizeBetween(10, 20);
            for (String line : lines) {
                JsonNode node = mapper.readTree(line);
                assertThat(node.fieldNames()).toIterable().containsExactly("message");
                messages.add(node.get("message").textValue());
            }
        }

        assertThat(messages).anySatisfy(m -> assertThat(m.toUpperCase(Locale.ROOT)).isNotEqualTo(m));
        assertThat(messages).filteredOn(m -> !m.chars().allMatch(c -> c < 128))
                .containsExactly("Order 1042 from Café Zürich shipped");
    }

    private List<Bar> allBars() throws IOException {
        List<Bar> bars = new ArrayList<>();
        for (String name : fileNames(generated.resolve("stocks"))) {
            bars.addAll(bars(name));
        }
        return bars;
    }

    private List<Bar> bars(String fileName) throws IOException {
        List<String> lines = lines(generated.resolve("stocks").resolve(fileName));
        return lines.subList(1, lines.size()).stream().map(Bar::parse).toList();
    }

    /** Splits on {@code \n} only, so a stray {@code \r} would show up as part of a value and fail a check. */
    private static List<String> lines(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).as("%s", file).endsWith("\n");
        return List.of(text.substring(0, text.length() - 1).split("\n", -1));
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    /** A parsed CSV row; the sample has no quoted fields, so splitting on commas is exact. */
    private record Bar(LocalDate date, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
            long volume, String name) {
        static Bar parse(String line) {
            String[] f = line.split(",", -1);
            assertThat(f).as(line).hasSize(7);
            return new Bar(LocalDate.parse(f[0]), new BigDecimal(f[1]), new BigDecimal(f[2]), new BigDecimal(f[3]),
                    new BigDecimal(f[4]), Long.parseLong(f[5]), f[6]);
        }
    }
}
