package sluice.engine.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sluice.engine.cli.Main;

/** The stocks-sectors example, run from the command line: each stock row labelled with its symbol's sector. */
class JoinExampleTest {
    private static final Map<String, String> SECTORS = Map.of("AAPL", "Technology", "AMZN", "Consumer Cyclical",
            "GOOGL", "Communication", "MSFT", "Technology");

    @Test
    void everyStockRowGetsTheSectorOfItsSymbolFromTheStaticFile() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Main.execute(new String[] {"run", Examples.file("stocks-sectors").toString(), "--trigger",
                "available-now"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<List<List<String>>> batches = Examples.tables(out.toString(StandardCharsets.UTF_8));
        long files;
        try (var listing = Files.list(Path.of("..", "sample-data", "stocks"))) {
            files = listing.count();
        }
        assertThat(batches).hasSize((int) files);
        List<String> symbols = new ArrayList<>();
        for (List<List<String>> batch : batches) {
            assertThat(batch).hasSize(5);
            for (List<String> row : batch) {
                assertThat(row.get(1)).as("%s", row).isEqualTo(SECTORS.get(row.get(0)));
                symbols.add(row.get(0));
            }
        }
        assertThat(symbols).containsAll(SECTORS.keySet());
    }
}
