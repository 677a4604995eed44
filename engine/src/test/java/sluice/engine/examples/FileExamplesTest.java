package sluice.engine.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import sluice.engine.cli.Main;
import sluice.engine.pipeline.PipelineSpec;
import sluice.engine.pipeline.Trigger;
import sluice.engine.plan.PipelineLoader;
import sluice.engine.runtime.QueryListener;
import sluice.engine.runtime.QueryOptions;
import sluice.engine.runtime.QueryProgress;
import sluice.engine.runtime.StreamingQuery;
import sluice.engine.types.Row;

/**
 * The examples that read sample-data folders: stocks-replay, stocks-monthly, stocks-parquet and json-messages; and
 * every example validates.
 */
class FileExamplesTest {
    private static final Path STOCKS = Path.of("..", "sample-data", "stocks");
    private static final Path JSON = Path.of("..", "sample-data", "json");

    @Test
    void everyExamplePipelineValidates() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(Examples.FOLDER)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".sluice.json")).sorted().toList();
        }

        assertThat(files).hasSize(12);
        for (Path file : files) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.execute(new String[] {"validate", file.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(code).as("%s: %s", file, err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains(": valid (");
        }
    }

    @Test
    void stocksReplayAvailableNowGivesOneBatchPerFileWithEveryRowOnce() throws IOException {
        PipelineSpec spec = Examples.withNode(Examples.spec("stocks-replay"), "console", "sink.memory", "queryName",
                "stocks");
        Examples examples = new Examples();
        List<Long> rowsPerBatch = new ArrayList<>();
        StreamingQuery query = StreamingQuery.create(Examples.plan(spec).plan(),
                new QueryOptions(new Trigger.AvailableNow(), null, 0), examples.environment);
        query.addListener(new QueryListener() {
            @Override
            public void onProgress(QueryProgress progress) {
                rowsPerBatch.add(progress.numInputRows());
            }
        });

        query.start().awaitTermination();

        List<List<String>> expected = new ArrayList<>();
        List<Long> rowsPerFile = new ArrayList<>();
        for (Path file : stockFiles()) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            rowsPerFile.add((long) lines.size() - 1);
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",");
                double open = Double.parseDouble(cells[1]);
                double close = Double.parseDouble(cells[4]);
                expected.add(List.of(cells[6], cells[0], Double.toString(close), Double.toString(round2(close - open)),
                        Double.toString(round2((close - open) / open * 100))));
            }
        }
        List<List<String>> actual = new ArrayList<>();
        for (Row row : examples.memory.table("stocks").orElseThrow().rows()) {
            actual.add(row.values().stream().map(String::valueOf).toList());
        }
        assertThat(rowsPerBatch).hasSize(12).doesNotContain(0L);
        assertThat(rowsPerBatch).containsExactlyInAnyOrderElementsOf(rowsPerFile);
        assertThat(actual).hasSize(expected.size()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void stocksMonthlyGivesEachSymbolsThirtyDayWindowsWithEveryRowOnce() {
        PipelineSpec spec = Examples.withOption(Examples.withNode(Examples.spec("stocks-monthly"), "table",
                "sink.memory", "queryName", "monthly"), "table", "outputMode", "update");
        Examples examples = new Examples();

        StreamingQuery.create(Examples.plan(spec).plan(), new QueryOptions(new Trigger.AvailableNow(), null, 0),
                examples.environment).start().awaitTermination();

        List<Row> rows = examples.memory.table("monthly").orElseThrow().rows();
        // 30-day windows start at multiples of 30 days from 1970-01-01: 2015-01-02 falls in [2014-12-06, 2015-01-05),
        // where AAPL has that one day.
        assertThat(rows).hasSize(152).contains(Row.of(Row.of(java.time.Instant.parse("2014-12-06T00:00:00Z"),
                java.time.Instant.parse("2015-01-05T00:00:00Z")), "AAPL", 112.36, 112.79, 73796448L));
        assertThat(rows.stream().mapToLong(row -> (Long) row.get(4)).sum()).isEqualTo(80961323700L);
    }

    @Test
    void stocksParquetReadsThePartitionedFolderWithEveryCsvRowOnce() throws IOException {
        PipelineSpec spec = Examples.withOption(Examples.withNode(Examples.spec("stocks-parquet"), "table",
                "sink.memory", "queryName", "yearly"), "table", "outputMode", "complete");
        Examples examples = new Examples();
        PipelineLoader.Loaded loaded = Examples.plan(spec);

        StreamingQuery.create(loaded.plan(), new QueryOptions(new Trigger.AvailableNow(), null, 0),
                examples.environment).start().awaitTermination();

        // The schema comes from the files, the folders' Name=… after the file's columns.
        assertThat(loaded.schemas().get("stocks").toDdl()).isEqualTo(
                "Date DATE, Open DOUBLE, High DOUBLE, Low DOUBLE, Close DOUBLE, Volume BIGINT, Name STRING");
        List<Row> rows = examples.memory.table("yearly").orElseThrow().rows();
        long csvRows = 0;
        for (Path file : stockFiles()) {
            csvRows += Files.readAllLines(file, StandardCharsets.UTF_8).size() - 1;
        }
        assertThat(rows).hasSize(12).contains(Row.of("AAPL", 2015, 252L, 108.64, 174.97, 15316619708L));
        assertThat(rows.stream().mapToLong(row -> (Long) row.get(2)).sum()).isEqualTo(csvRows);
        assertThat(rows.stream().mapToLong(row -> (Long) row.get(5)).sum()).isEqualTo(80961323700L);
    }

    @Test
    void stocksMonthlyRunsFromTheCommandLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Main.execute(new String[] {"run", Examples.file("stocks-monthly").toString(), "--progress"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isZero();
        // One batch with every file, then Spark's no-data batch run with the moved watermark: the last day less
        // the 30 days' delay.
        assertThat(err.toString(StandardCharsets.UTF_8).lines().filter(line -> line.startsWith("{")).toList())
                .hasSize(2).last().asString().contains("\"eventTime\":{\"watermark\":\"2017-11-29T00:00:00.000Z\"}");
    }

    @Test
    void stocksReplayConsolePrintsTwelveBatchesOfTheirTopFiveRows() {
        Examples examples = new Examples();

        StreamingQuery.create(Examples.plan(Examples.spec("stocks-replay")).plan(),
                new QueryOptions(new Trigger.AvailableNow(), null, 0), examples.environment).start().awaitTermination();

        String text = examples.consoleText();
        List<String> banners = new ArrayList<>();
        Matcher banner = Pattern.compile("(?m)^Batch: \\d+$").matcher(text);
        while (banner.find()) {
            banners.add(banner.group());
        }
        assertThat(banners).containsExactly("Batch: 0", "Batch: 1", "Batch: 2", "Batch: 3", "Batch: 4", "Batch: 5",
                "Batch: 6", "Batch: 7", "Batch: 8", "Batch: 9", "Batch: 10", "Batch: 11");
        assertThat(Pattern.compile("(?m)^only showing top 5 rows$").matcher(text).results().count()).isEqualTo(12);
        assertThat(text).contains("|Name|      Date| Close|change|change_pct|");
        assertThat(Examples.tables(text)).allSatisfy(rows -> assertThat(rows).hasSize(5));
    }

    @Test
    void jsonMessagesPrintsLongMessagesUpperCasedWithTheirLength() throws IOException {
        Examples examples = new Examples();

        StreamingQuery.create(Examples.plan(Examples.spec("json-messages")).plan(),
                new QueryOptions(new Trigger.AvailableNow(), null, 0), examples.environment).start().awaitTermination();

        ObjectMapper mapper = new ObjectMapper();
        List<List<List<String>>> expected = new ArrayList<>();
        try (Stream<Path> listing = Files.list(JSON)) {
            for (Path file : listing.sorted().toList()) {
                List<List<String>> rows = new ArrayList<>();
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String message = mapper.readTree(line).get("message").asText();
                    int length = message.codePointCount(0, message.length());
                    if (length > 10) {
                        rows.add(List.of(message, message.toUpperCase(Locale.ROOT), Integer.toString(length)));
                    }
                }
                expected.add(rows);
            }
        }
        assertThat(expected).hasSize(3).allSatisfy(rows -> assertThat(rows).isNotEmpty());
        assertThat(examples.consoleText()).contains("|message", "|upper(message)", "|length|")
                .contains("|Order 1042 from Café Zürich shipped               |ORDER 1042 FROM CAFÉ ZÜRICH SHIPPED ");
        assertThat(Examples.tables(examples.consoleText())).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static List<Path> stockFiles() throws IOException {
        try (Stream<Path> listing = Files.list(STOCKS)) {
            return listing.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
        }
    }

    /** Spark's round(x, 2) on a DOUBLE: HALF_UP on the double's decimal text. */
    private static double round2(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
