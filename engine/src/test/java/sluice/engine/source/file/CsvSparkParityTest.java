package sluice.engine.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.cli.Main;
import sluice.engine.pipeline.Trigger;
import sluice.engine.plan.NodeCatalog;
import sluice.engine.plan.PipelineLoader;
import sluice.engine.runtime.EngineEnvironment;
import sluice.engine.runtime.QueryOptions;
import sluice.engine.runtime.StreamingQuery;
import sluice.engine.sink.MemoryTables;
import sluice.engine.types.Row;

/**
 * A CSV folder written by hand, not by us, read through the whole pipeline (planner, micro-batch runner, memory
 * sink), gives the rows Spark 4 gives. Spark's rules, from {@code UnivocityParser} and {@code FailureSafeParser}: a
 * value equal to {@code nullValue} is null for every type, STRING included; an unquoted empty field reads as
 * {@code nullValue} and a quoted empty one as {@code emptyValue} (both {@code ""} by default, so both null); a record
 * with a bad value or the wrong number of fields is malformed, yet PERMISSIVE keeps what parsed (bad value and missing
 * fields null, extra fields dropped) and puts the raw line into the corrupt-record column. With Spark's default escape
 * {@code \\}, a doubled quote is no escape: univocity keeps such a value as it stands, quotes and all.
 */
class CsvSparkParityTest {
    private static final String HEADER = "id,name,price,note\n";
    private static final String MIXED = HEADER
            + "1,\"Smith, John\",1.5,plain\n"
            + "2,\"say \"\"hi\"\"\",,x\n"
            + "3,,2.5,\"\"\n"
            + "5,bad,abc,z\n"
            + "6,extra,3.0,n,surplus\n"
            + "7,short,4.0\n"
            + "8,\"a,b\",oops,q\n";

    @TempDir
    Path dir;

    private final MemoryTables memory = new MemoryTables();

    @Test
    void permissiveWithCorruptColumnKeepsParsedFieldsAndTheRawLine() throws IOException {
        writeCsv("a.csv", MIXED, 0);

        List<Row> rows = run("id INT, name STRING, price DOUBLE, note STRING, _corrupt_record STRING",
                "\"mode\": \"PERMISSIVE\"");

        assertThat(rows).containsExactly(
                Row.of(1, "Smith, John", 1.5, "plain", null),
                Row.of(2, "\"say \"\"hi\"\"\"", null, "x", null),
                Row.of(3, null, 2.5, null, null),
                Row.of(5, "bad", null, "z", "5,bad,abc,z"),
                Row.of(6, "extra", 3.0, "n", "6,extra,3.0,n,surplus"),
                Row.of(7, "short", 4.0, null, "7,short,4.0"),
                Row.of(8, "a,b", null, "q", "8,\"a,b\",oops,q"));
    }

    @Test
    void permissiveWithoutCorruptColumnKeepsParsedFields() throws IOException {
        writeCsv("a.csv", MIXED, 0);

        List<Row> rows = run("id INT, name STRING, price DOUBLE, note STRING", "\"mode\": \"PERMISSIVE\"");

        assertThat(rows).containsExactly(
                Row.of(1, "Smith, John", 1.5, "plain"),
                Row.of(2, "\"say \"\"hi\"\"\"", null, "x"),
                Row.of(3, null, 2.5, null),
                Row.of(5, "bad", null, "z"),
                Row.of(6, "extra", 3.0, "n"),
                Row.of(7, "short", 4.0, null),
                Row.of(8, "a,b", null, "q"));
    }

    @Test
    void dropMalformedKeepsOnlyWellFormedRecords() throws IOException {
        writeCsv("a.csv", MIXED, 0);

        List<Row> rows = run("id INT, name STRING, price DOUBLE, note STRING, _corrupt_record STRING",
                "\"mode\": \"DROPMALFORMED\"");

        assertThat(rows).containsExactly(
                Row.of(1, "Smith, John", 1.5, "plain", null),
                Row.of(2, "\"say \"\"hi\"\"\"", null, "x", null),
                Row.of(3, null, 2.5, null, null));
    }

    @Test
    void nullValueMakesItsTextNullAndAQuotedEmptyFieldAnEmptyString() throws IOException {
        writeCsv("a.csv", HEADER
                + "1,NA,NA,\"\"\n"
                + "2,,3.0,NA\n"
                + "3,x,\"\",z\n", 0);

        List<Row> rows = run("id INT, name STRING, price DOUBLE, note STRING, _corrupt_record STRING",
                "\"nullValue\": \"NA\"");

        // Row 3: a quoted empty field is emptyValue (""), which is not 'NA', and "" is not a DOUBLE.
        assertThat(rows).containsExactly(
                Row.of(1, null, null, "", null),
                Row.of(2, null, 3.0, null, null),
                Row.of(3, "x", null, "z", "3,x,\"\",z"));
    }

    @Test
    void failFastExitsOneNamingNodeFileAndLineAfterDeliveringEarlierBatches() throws IOException {
        writeCsv("a.csv", HEADER + "1,one,1.0,a\n2,two,2.0,b\n", 0);
        writeCsv("b.csv", HEADER + "3,three,3.0,c\n4,four,abc,d\n", 1);
        Path pipeline = writePipeline("id INT, name STRING, price DOUBLE, note STRING",
                "\"mode\": \"FAILFAST\", \"maxFilesPerTrigger\": \"1\"",
                "{\"id\": \"out\", \"type\": \"sink.console\", \"inputs\": [\"in\"]}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Main.execute(new String[] {"run", pipeline.toString(), "--trigger", "available-now"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "error: in: malformed CSV record in 'b.csv' line 3: cannot parse 'abc' as DOUBLE for column 'price'");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                -------------------------------------------
                Batch: 0
                -------------------------------------------
                +---+----+-----+----+
                | id|name|price|note|
                +---+----+-----+----+
                |  1| one|  1.0|   a|
                |  2| two|  2.0|   b|
                +---+----+-----+----+

                """);
    }

    private List<Row> run(String schema, String options) throws IOException {
        Path pipeline = writePipeline(schema, options,
                "{\"id\": \"out\", \"type\": \"sink.memory\", \"inputs\": [\"in\"], \"options\": {\"queryName\": "
                        + "\"out\"}}");
        PipelineLoader.Loaded loaded = new PipelineLoader(NodeCatalog.standard()).load(pipeline);
        assertThat(loaded.problems()).isEmpty();
        EngineEnvironment environment = new EngineEnvironment(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), memory, Clock.systemUTC(), ZoneOffset.UTC, 2);

        StreamingQuery.create(loaded.plan(), new QueryOptions(new Trigger.AvailableNow(), null, 0), environment)
                .start().awaitTermination();

        return memory.table("out").orElseThrow().rows();
    }

    private Path writePipeline(String schema, String options, String sink) throws IOException {
        Path pipeline = dir.resolve("csv.sluice.json");
        Files.writeString(pipeline, """
                {"format": "sluice/1", "name": "csv", "nodes": [
                  {"id": "in", "type": "source.file", "options": {"path": "input", "format": "csv", "header": "true",
                    "schema": "%s", %s}},
                  %s
                ]}
                """.formatted(schema, options, sink), StandardCharsets.UTF_8);
        return pipeline;
    }

    private void writeCsv(String name, String text, int order) throws IOException {
        Path file = Files.createDirectories(dir.resolve("input")).resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 60_000 + order * 1_000L));
    }
}
