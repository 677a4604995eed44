package sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.pipeline.Trigger;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.PipelineLoader;
import sluice.engine.sink.MemoryTables;
import sluice.engine.types.Row;

/**
 * transform.join run end to end: a stream of trades joined with a static table of symbols (each type Spark allows),
 * two streams joined inner, whose buffered rows survive a restart from the checkpoint, and two watermarked streams
 * joined left outer, whose unmatched rows come with nulls once the watermark passes them, across a restart.
 */
class JoinRunTest {
    private static final String TRADES = """
              {"id": "trades", "type": "source.file", "options": {"path": "trades", "format": "csv",
               "schema": "sym STRING, qty INT", "maxFilesPerTrigger": "1"}},
            """;
    private static final String SYMBOLS = """
              {"id": "symbols", "type": "source.file", "options": {"path": "symbols.csv", "format": "csv",
               "header": "true", "schema": "sym STRING, name STRING, lot INT", "static": "true"}},
            """;

    @TempDir
    Path dir;

    @Test
    void eachTradeMeetsTheStaticRowsAsTheJoinTypeSays() throws IOException {
        writeSymbols();
        writeTrades("1.csv", "A,10", "B,20", "Z,5", ",7");
        writeTrades("2.csv", "A,30");

        assertThat(runJoin("trades", "symbols", "\"usingColumns\": [\"sym\"]")).containsExactlyInAnyOrder(
                Row.of("A", 10, "Alpha", 100), Row.of("B", 20, "Beta", 10), Row.of("A", 30, "Alpha", 100));
        assertThat(runJoin("trades", "symbols", "\"usingColumns\": [\"sym\"], \"how\": \"left_outer\""))
                .containsExactlyInAnyOrder(Row.of("A", 10, "Alpha", 100), Row.of("B", 20, "Beta", 10),
                        Row.of("Z", 5, null, null), Row.of(null, 7, null, null), Row.of("A", 30, "Alpha", 100));
        assertThat(runJoin("trades", "symbols", "\"usingColumns\": [\"sym\"], \"how\": \"left_semi\""))
                .containsExactlyInAnyOrder(Row.of("A", 10), Row.of("B", 20), Row.of("A", 30));
        // A null key matches nothing, so an anti join keeps its row.
        assertThat(runJoin("trades", "symbols", "\"usingColumns\": [\"sym\"], \"how\": \"left_anti\""))
                .containsExactlyInAnyOrder(Row.of("Z", 5), Row.of(null, 7));
    }

    @Test
    void aConditionWithMoreThanEqualitiesIsCheckedOnEveryMatchingPair() throws IOException {
        writeSymbols();
        writeTrades("1.csv", "A,150", "A,50", "B,20");

        List<Row> rows = runJoin("trades", "s", "\"on\": \"sym = ticker AND qty >= lot\"", """
                  {"id": "s", "type": "transform.select", "inputs": ["symbols"],
                   "options": {"expressions": ["sym AS ticker", "lot"]}},
                """);

        assertThat(rows).containsExactlyInAnyOrder(Row.of("A", 150, "A", 100), Row.of("B", 20, "B", 10));
    }

    @Test
    void aStaticTableOnTheLeftKeepsEveryStreamRowInARightOuterJoin() throws IOException {
        writeSymbols();
        writeTrades("1.csv", "A,10", "Z,5");

        assertThat(runJoin("symbols", "trades", "\"usingColumns\": [\"sym\"], \"how\": \"right_outer\""))
                .containsExactlyInAnyOrder(Row.of("A", "Alpha", 100, 10), Row.of("Z", null, null, 5));
    }

    @Test
    void twoStreamsJoinEachMatchingPairOnceAndARestartKeepsTheRowsSeenBefore() throws IOException {
        writeTrades("1.csv", "A,1", "B,2");
        writeQuotes("1.csv", "B,20");
        Path checkpoint = dir.resolve("checkpoint");
        List<Row> first = runStreams(checkpoint);
        writeTrades("2.csv", "A,3");
        writeQuotes("2.csv", "A,10", "A,11");

        List<Row> second = runStreams(checkpoint);

        assertThat(first).containsExactly(Row.of("B", 2, 20));
        // After the restart the trade A,1 of the first run is still there to match the new quotes.
        assertThat(second).containsExactlyInAnyOrder(Row.of("A", 1, 10),
                Row.of("A", 1, 11), Row.of("A", 3, 10), Row.of("A", 3, 11));
        assertThat(checkpoint.resolve("state/0/left/0")).isDirectory();
        assertThat(checkpoint.resolve("state/0/right/0")).isDirectory();
    }

    @Test
    void aStreamStreamBatchRunAgainAfterACrashBeforeItsCommitGivesItsPairsOnce() throws IOException {
        writeTrades("1.csv", "A,1");
        writeQuotes("1.csv", "B,20");
        writeTrades("2.csv", "B,2");
        writeQuotes("2.csv", "A,10");
        Path checkpoint = dir.resolve("checkpoint");
        assertThat(runStreams(checkpoint)).containsExactlyInAnyOrder(Row.of("B", 2, 20), Row.of("A", 1, 10));
        // A crash after batch 1 wrote its state (version 2) and its sink, before its commit.
        Files.delete(checkpoint.resolve("commits/1"));

        List<Row> rerun = runStreams(checkpoint);

        assertThat(rerun).containsExactlyInAnyOrder(Row.of("B", 2, 20), Row.of("A", 1, 10));
    }

    @Test
    void aLeftOuterJoinGivesAnUnmatchedRowWithNullsOnceTheWatermarkPassesItEvenAfterARestart() throws IOException {
        write("ads", "1.csv", "a1,2024-01-01 12:00:00", "a2,2024-01-01 12:00:05");
        write("clicks", "1.csv", "a2,2024-01-01 12:00:07");
        Path checkpoint = dir.resolve("checkpoint");
        List<Row> first = runLeftOuter(checkpoint);
        write("ads", "2.csv", "a3,2024-01-01 12:01:00");
        write("clicks", "2.csv", "a3,2024-01-01 12:01:05");

        List<Row> second = runLeftOuter(checkpoint);

        assertThat(first).containsExactly(Row.of("a2", "a2"));
        // The watermark (12:00:50) passes a1 and a2, kept through the restart: a1 was never matched and comes with
        // nulls; a2 was matched in the first run, its flag kept in the state, and does not.
        assertThat(second).containsExactlyInAnyOrder(Row.of("a3", "a3"), Row.of("a1", null));
        assertThat(checkpoint.resolve("state/0/left/0")).isDirectory();
        assertThat(checkpoint.resolve("state/0/right/0")).isDirectory();
    }

    /** Ads left outer joined with their clicks within 20 seconds, both watermarked; the rows this run gave. */
    private List<Row> runLeftOuter(Path checkpoint) throws IOException {
        String pipeline = """
                {"format": "sluice/1", "name": "j", "nodes": [
                  {"id": "ads", "type": "source.file", "options": {"path": "ads", "format": "csv",
                   "schema": "ad STRING, its TIMESTAMP", "maxFilesPerTrigger": "1"}},
                  {"id": "wa", "type": "transform.watermark", "inputs": ["ads"],
                   "options": {"eventTime": "its", "delayThreshold": "10 seconds"}},
                  {"id": "clicks", "type": "source.file", "options": {"path": "clicks", "format": "csv",
                   "schema": "cad STRING, cts TIMESTAMP", "maxFilesPerTrigger": "1"}},
                  {"id": "wc", "type": "transform.watermark", "inputs": ["clicks"],
                   "options": {"eventTime": "cts", "delayThreshold": "10 seconds"}},
                  {"id": "j", "type": "transform.join", "inputs": ["wa", "wc"], "options": {"how": "left_outer",
                   "on": "ad = cad AND cts >= its AND cts <= its + INTERVAL 20 SECONDS"}},
                  {"id": "s", "type": "transform.select", "inputs": ["j"], "options": {"expressions": ["ad", "cad"]}},
                  {"id": "out", "type": "sink.memory", "inputs": ["s"], "options": {"queryName": "out"}}
                ]}
                """;
        MemoryTables memory = new MemoryTables();
        run(pipeline, memory, checkpoint);
        return memory.table("out").orElseThrow().rows();
    }

    private List<Row> runJoin(String left, String right, String options) throws IOException {
        return runJoin(left, right, options, "");
    }

    private List<Row> runJoin(String left, String right, String options, String more) throws IOException {
        String pipeline = "{\"format\": \"sluice/1\", \"name\": \"j\", \"nodes\": [" + TRADES + SYMBOLS + more + """
                  {"id": "j", "type": "transform.join", "inputs": ["%s", "%s"], "options": {%s}},
                  {"id": "out", "type": "sink.memory", "inputs": ["j"], "options": {"queryName": "out"}}
                ]}
                """.formatted(left, right, options);
        MemoryTables memory = new MemoryTables();
        run(pipeline, memory, null);
        return memory.table("out").orElseThrow().rows();
    }

    /** Trades joined with quotes, two streams; the rows this run gave. */
    private List<Row> runStreams(Path checkpoint) throws IOException {
        String pipeline = "{\"format\": \"sluice/1\", \"name\": \"j\", \"nodes\": [" + TRADES + """
                  {"id": "quotes", "type": "source.file", "options": {"path": "quotes", "format": "csv",
                   "schema": "sym STRING, price INT", "maxFilesPerTrigger": "1"}},
                  {"id": "j", "type": "transform.join", "inputs": ["trades", "quotes"],
                   "options": {"usingColumns": ["sym"]}},
                  {"id": "out", "type": "sink.memory", "inputs": ["j"], "options": {"queryName": "out"}}
                ]}
                """;
        MemoryTables memory = new MemoryTables();
        run(pipeline, memory, checkpoint);
        return memory.table("out").orElseThrow().rows();
    }

    private void run(String pipeline, MemoryTables memory, Path checkpoint) throws IOException {
        Path file = dir.resolve("join.sluice.json");
        Files.writeString(file, pipeline);
        PipelineLoader.Loaded loaded = new PipelineLoader(NodeCatalog.standard()).load(file);
        assertThat(loaded.problems()).isEmpty();
        EngineEnvironment environment = new EngineEnvironment(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), memory, Clock.systemUTC(), ZoneOffset.UTC, 2);
        StreamingQuery query = StreamingQuery.create(loaded.plan(),
                new QueryOptions(new Trigger.AvailableNow(), checkpoint, 0), environment).start();
        query.awaitTermination();
    }

    private void writeSymbols() throws IOException {
        Files.writeString(dir.resolve("symbols.csv"), "sym,name,lot\nA,Alpha,100\nB,Beta,10\nC,Gamma,1\n");
    }

    private void writeTrades(String name, String... lines) throws IOException {
        write("trades", name, lines);
    }

    private void writeQuotes(String name, String... lines) throws IOException {
        write("quotes", name, lines);
    }

    private void write(String folderName, String name, String... lines) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(folderName));
        Path file = folder.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n");
        // The file source takes files in modification-time order: make it the name order.
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(
                1_000_000L * Integer.parseInt(name.substring(0, name.indexOf('.')))));
    }
}
