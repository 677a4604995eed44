package sluice.engine.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.engine.source.SourceContext;
import sluice.engine.source.file.csv.CsvFormat;
import sluice.engine.source.file.csv.CsvInference;
import sluice.engine.source.file.csv.CsvOptions;
import sluice.engine.source.file.json.JsonFormat;
import sluice.engine.source.file.json.JsonInference;
import sluice.engine.source.file.json.JsonOptions;
import sluice.engine.types.AtomicType;
import sluice.engine.types.Field;
import sluice.engine.types.Row;
import sluice.engine.types.Schema;

/** CSV and JSON files whose records end at {@code lineSep}, as Spark's readers with that option cut them. */
class TextLayoutFormatsTest {
    private static final Schema SCHEMA = Schema.of(Field.of("id", AtomicType.INT), Field.of("msg", AtomicType.STRING));
    private static final SourceContext CONTEXT = new SourceContext("in", null, Clock.systemUTC(), ZoneOffset.UTC);
    private static final TextLayout SEMICOLON = new TextLayout(StandardCharsets.UTF_8, ";");

    @TempDir
    Path folder;

    private Path file(String text) throws IOException {
        Path file = folder.resolve("in.txt");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void csvRecordsEndAtLineSepOnlyAndLineFeedsAreOrdinaryCharacters() throws IOException {
        Path file = file("id,msg;1,a\nb; ;2,\"c\";3,e");

        List<Row> rows = new CsvFormat(SCHEMA, CsvOptions.DEFAULTS.withHeader(true), SEMICOLON).read(file, CONTEXT)
                .rows();

        assertThat(rows).containsExactly(Row.of(1, "a\nb"), Row.of(2, "c"), Row.of(3, "e"));
    }

    @Test
    void csvWithLineSepIsReadWholeByOneTask() {
        assertThat(new CsvFormat(SCHEMA, CsvOptions.DEFAULTS, SEMICOLON).isSplittable()).isFalse();
        assertThat(new CsvFormat(SCHEMA, CsvOptions.DEFAULTS).isSplittable()).isTrue();
    }

    @Test
    void csvInferenceCutsRecordsAtLineSep() throws IOException {
        Path file = file("id,msg;1,a;2,b;");

        Schema schema = CsvInference.infer("in", List.of(file), CsvOptions.DEFAULTS.withHeader(true), SEMICOLON,
                true, ZoneOffset.UTC);

        assertThat(schema).isEqualTo(SCHEMA);
    }

    @Test
    void jsonRecordsEndAtLineSepAndMayHoldLineFeeds() throws IOException {
        Path file = file("{\"id\":1,\n\"msg\":\"a\"}<end>\n<end>{\"id\":2}<end>{bad");

        List<Row> rows = new JsonFormat(SCHEMA.append(Field.of("_corrupt_record", AtomicType.STRING)),
                JsonOptions.DEFAULTS, new TextLayout(StandardCharsets.UTF_8, "<end>")).read(file, CONTEXT).rows();

        assertThat(rows).containsExactly(Row.of(1, "a", null), Row.of(2, null, null), Row.of(null, null, "{bad"));
    }

    @Test
    void jsonInferenceCutsRecordsAtLineSep() throws IOException {
        Path file = file("{\"id\":1,\n\"msg\":\"a\"}|{\"id\":2}");

        Schema schema = JsonInference.infer("in", List.of(file), JsonOptions.DEFAULTS,
                new TextLayout(StandardCharsets.UTF_8, "|"));

        assertThat(schema).isEqualTo(Schema.of(Field.of("id", AtomicType.BIGINT), Field.of("msg", AtomicType.STRING)));
    }

    @Test
    void csvInAnotherCharsetIsDecodedLineByLine() throws IOException {
        Path file = folder.resolve("latin.csv");
        Files.write(file, "id,msg\n1,caf\u00e9\n2,\"na\u00efve, quoted\"\n".getBytes(StandardCharsets.ISO_8859_1));

        List<Row> rows = new CsvFormat(SCHEMA, CsvOptions.DEFAULTS.withHeader(true),
                new TextLayout(StandardCharsets.ISO_8859_1, null)).read(file, CONTEXT).rows();

        assertThat(rows).containsExactly(Row.of(1, "caf\u00e9"), Row.of(2, "na\u00efve, quoted"));
    }

    @Test
    void jsonInUtf16WithALineSepIsDecodedRecordByRecord() throws IOException {
        Path file = folder.resolve("wide.json");
        Files.write(file, "{\"id\":1,\"msg\":\"\u00e9t\u00e9\"}\r\n{\"id\":2}\r\n".getBytes(StandardCharsets.UTF_16LE));
        TextLayout layout = new TextLayout(StandardCharsets.UTF_16LE, "\r\n");

        List<Row> rows = new JsonFormat(SCHEMA, JsonOptions.DEFAULTS, layout).read(file, CONTEXT).rows();

        assertThat(rows).containsExactly(Row.of(1, "\u00e9t\u00e9"), Row.of(2, null));
    }
}
